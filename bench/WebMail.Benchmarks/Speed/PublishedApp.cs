using System.Diagnostics;
using System.Net.Sockets;
using WebMail.Testing;

namespace WebMail.Benchmarks.Speed;

/// <summary>
/// The webmail as a school runs it: the published Release build (precompressed, fingerprinted static files cached by
/// the browser) in the Production environment, on a loopback port, pointed at the demo mail server. Its own process,
/// so its CPU time is the server's alone.
/// </summary>
internal sealed class PublishedApp : IAsyncDisposable
{
    private readonly Process _process;

    private PublishedApp(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<PublishedApp> StartAsync(string publishFolder)
    {
        var port = FreePort.Find();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = publishFolder };
        start.ArgumentList.Add(Path.Combine(publishFolder, "WebMail.Server.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in DemoMailServer.AppConfiguration())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the published webmail did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { Console.Error.WriteLine("webmail: " + line); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await AcceptsAsync(port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"the published webmail in {publishFolder} did not start listening on {port}");
            }

            await Task.Delay(100);
        }

        return new PublishedApp(process, new Uri($"http://127.0.0.1:{port}/"));
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
