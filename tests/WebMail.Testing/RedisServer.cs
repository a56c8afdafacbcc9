namespace WebMail.Testing;

/// <summary>A throwaway Redis (Debian's redis-server) on a loopback port, keeping nothing on disk.</summary>
public static class RedisServer
{
    private const string Program = "/usr/bin/redis-server";

    public static Task<LocalServerProcess> StartAsync() =>
        LocalServerProcess.StartOnFreePortAsync(Program, port => Task.FromResult(ArgumentsFor(port)));

    /// <summary>redis-server's arguments for a throwaway server on <paramref name="port"/>.</summary>
    public static string[] ArgumentsFor(int port) =>
        ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning"];

    public static string ConnectionString(LocalServerProcess redis) => $"127.0.0.1:{redis.Port}";
}
