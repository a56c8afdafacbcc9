namespace WebMail.Testing;

/// <summary>A throwaway Redis (Debian's redis-server) on a loopback port, keeping nothing on disk.</summary>
public static class RedisServer
{
    public static Task<LocalServerProcess> StartAsync() => StartAsync(FreePort.Find());

    public static Task<LocalServerProcess> StartAsync(int port) =>
        LocalServerProcess.StartAsync(
            "/usr/bin/redis-server", port,
            "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning");

    public static string ConnectionString(LocalServerProcess redis) => $"127.0.0.1:{redis.Port}";
}
