using System.Diagnostics;
using System.Net.Sockets;

namespace WebMail.Testing;

/// <summary>
/// A server program from Debian's packages (redis-server, nginx) run by a test on a loopback port, killed when
/// the test is done. A missing program fails the test with the command that installs it (never a skip).
/// </summary>
public sealed class LocalServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly string _program;
    private readonly string[] _arguments;
    private Process? _process;

    private LocalServerProcess(string program, string[] arguments, int port)
    {
        _program = program;
        _arguments = arguments;
        Port = port;
    }

    public int Port { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts <paramref name="program"/> and waits until <paramref name="port"/> accepts connections.</summary>
    public static async Task<LocalServerProcess> StartAsync(string program, int port, params string[] arguments)
    {
        if (!File.Exists(program))
        {
            throw new InvalidOperationException($"{program} is missing: scripts/test.sh installs Debian's redis-server and nginx packages");
        }

        var server = new LocalServerProcess(program, arguments, port);
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the program again (after <see cref="StopAsync"/>) on the same port.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(_program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{_program} did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await AcceptsAsync(Port))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_program} exited at start with code {_process.ExitCode}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{_program} did not listen on 127.0.0.1:{Port} within {StartTimeout.TotalSeconds} s");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Kills the program at once, as a crash or a pulled plug would.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(StartTimeout);
            await process.WaitForExitAsync(timeout.Token);
            process.Dispose();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
