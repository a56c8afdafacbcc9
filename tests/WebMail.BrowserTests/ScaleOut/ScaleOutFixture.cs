using WebMail.Server.Hosting;
using WebMail.Testing;

namespace WebMail.BrowserTests.ScaleOut;

/// <summary>
/// Two webmail instances sharing one Redis, behind nginx configured by docs/nginx/webmail.conf; the browser only
/// ever talks to nginx. Redis and nginx are Debian's, started on free loopback ports for this class and killed after.
/// </summary>
public sealed class ScaleOutFixture : BrowserFixture
{
    public ScaleOutFixture()
        : this(StartRedis())
    {
    }

    private ScaleOutFixture(LocalServerProcess redis)
        : base(Instance(redis.Port)) => Redis = redis;

    public WebMailServerFactory Second { get; private set; } = null!;

    public LocalServerProcess Redis { get; }

    public LocalServerProcess Proxy { get; private set; } = null!;

    public override Uri BaseAddress => new($"http://127.0.0.1:{Proxy.Port}/");

    public override async Task InitializeAsync()
    {
        // The first instance makes the key ring (its sign-in page needs one for the antiforgery token) before the
        // second starts, as a rolling deployment would; the second reads it from Redis.
        using (var http = new HttpClient { BaseAddress = App.BaseAddress })
        {
            await http.GetStringAsync("signin");
        }

        Second = Instance(Redis.Port);
        Proxy = await NginxProxy.StartAsync(App.BaseAddress, Second.BaseAddress);
        await base.InitializeAsync();
    }

    /// <summary>The instance listening at <paramref name="upstream"/> ("127.0.0.1:port", as nginx names it).</summary>
    public WebMailServerFactory InstanceAt(string upstream) =>
        new[] { App, Second }.Single(i => upstream == $"127.0.0.1:{i.BaseAddress.Port}");

    public override async Task DisposeAsync()
    {
        // Also after a start that failed half-way (no second instance or proxy yet): Redis must not outlive the run.
        try
        {
            await base.DisposeAsync();
            await (Second?.DisposeAsync() ?? ValueTask.CompletedTask);
            await (Proxy?.DisposeAsync() ?? ValueTask.CompletedTask);
        }
        finally
        {
            await Redis.DisposeAsync();
        }
    }

    /// <summary>Before the first instance starts: it reads the key ring at start-up, as a deployment would with Redis already up.</summary>
    private static LocalServerProcess StartRedis() => RedisServer.StartAsync().GetAwaiter().GetResult();

    private static WebMailServerFactory Instance(int redisPort)
    {
        var settings = KeyEncryptionCertificate.RedisSettings($"127.0.0.1:{redisPort}");
        // A stopped instance lets go of its live connections within a second or two (the default waits 30 s).
        settings["shutdownTimeoutSeconds"] = "2";
        return WebMailServerFactory.With(settings);
    }
}
