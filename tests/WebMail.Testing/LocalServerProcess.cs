using System.Diagnostics;

namespace WebMail.Testing;

/// <summary>
/// A server program from Debian's packages (redis-server, nginx) run by a test on a loopback port, killed when
/// the test is done. A missing program fails the test with the command that installs it (never a skip).
/// </summary>
public sealed class LocalServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private const string TcpListenState = "0A";

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

    /// <summary>
    /// Starts <paramref name="program"/> on a loopback port found free, with the arguments (or configuration) made
    /// for that port. The port is free when found but bound a moment later, so another process of a parallel run can
    /// take it in between: a program that exits at start is tried again on a fresh port.
    /// </summary>
    public static async Task<LocalServerProcess> StartOnFreePortAsync(string program, Func<int, Task<string[]>> argumentsFor)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Find();
            try
            {
                return await StartAsync(program, port, await argumentsFor(port));
            }
            catch (ExitedAtStartException) when (attempt < attempts)
            {
            }
        }
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
        while (!ListensOn(_process, Port))
        {
            if (_process.HasExited)
            {
                throw new ExitedAtStartException($"{_program} exited at start with code {_process.ExitCode}");
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

    /// <summary>
    /// Whether this program itself listens on the port (one of its sockets is a loopback listener there in
    /// /proc/net/tcp). A connection test is not enough: another process that took the port in between would accept
    /// it, and the tests would talk to that one while ours exits on "address in use".
    /// </summary>
    private static bool ListensOn(Process process, int port)
    {
        var listeners = File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(column => column[3] == TcpListenState && column[1].EndsWith($":{port:X4}", StringComparison.Ordinal))
            .Select(column => $"socket:[{column[9]}]")
            .ToHashSet();
        if (listeners.Count == 0)
        {
            return false;
        }

        try
        {
            return new DirectoryInfo($"/proc/{process.Id}/fd").EnumerateFileSystemInfos()
                .Any(descriptor => descriptor.LinkTarget is { } target && listeners.Contains(target));
        }
        catch (Exception exception) when (exception is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            return false; // exited meanwhile, or a descriptor closed while read: the caller looks again
        }
    }

    private sealed class ExitedAtStartException(string message) : InvalidOperationException(message);
}
