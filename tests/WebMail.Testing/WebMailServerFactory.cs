using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace WebMail.Testing;

/// <summary>The real app on a real loopback port (Kestrel), for a real browser to visit.</summary>
public sealed class WebMailServerFactory : WebMailAppFactory
{
    public WebMailServerFactory()
        : this(null)
    {
    }

    private WebMailServerFactory(IReadOnlyDictionary<string, string?>? settings, IReadOnlyList<System.Net.IPEndPoint>? listen = null)
        : base(settings)
    {
        if (listen is null)
        {
            UseKestrel(port: 0);
        }
        else
        {
            UseKestrel(options => listen.ToList().ForEach(endpoint => options.Listen(endpoint)));
        }

        StartServer();
        ClientOptions.BaseAddress = BaseAddress;
    }

    public static new WebMailServerFactory With(Dictionary<string, string?> settings) => new(settings);

    /// <summary>The app listening on exactly these loopback endpoints (the load run gives each user an address of its own).</summary>
    public static WebMailServerFactory ListeningOn(Dictionary<string, string?> settings, IReadOnlyList<System.Net.IPEndPoint> listen) =>
        new(settings, listen);

    /// <summary>
    /// The app on a public loopback port and a management one (<c>Management:Url</c>), where metrics and readiness are.
    /// </summary>
    public static WebMailServerFactory WithManagementPort(Dictionary<string, string?>? settings = null)
    {
        // Two fixed ports (the management URL is a setting read at start) found free a moment before Kestrel binds
        // them: another process of a parallel run can take one in between, so a start that lost that race tries
        // again with two fresh ports.
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return StartWithManagementPort(settings is null ? [] : new(settings));
            }
            catch (IOException e) when (attempt < attempts && LostPortRace(e))
            {
            }
        }
    }

    private static WebMailServerFactory StartWithManagementPort(Dictionary<string, string?> settings)
    {
        var managementPort = FreePort.Find();
        var publicPort = FreePort.FindOtherThan(managementPort);
        settings[WebMail.Server.Hosting.ManagementPort.UrlKey] = $"http://127.0.0.1:{managementPort}";
        var loopback = System.Net.IPAddress.Loopback;
        return new(settings, [new(loopback, publicPort), new(loopback, managementPort)])
        {
            ManagementAddress = new Uri($"http://127.0.0.1:{managementPort}/"),
        };
    }

    private static bool LostPortRace(Exception e) =>
        e is Microsoft.AspNetCore.Connections.AddressInUseException
        || (e.InnerException is { } inner && LostPortRace(inner));

    /// <summary>
    /// Settings for an app on a plain-HTTP port that an HttpClient signs in to: its cookie container sends Secure
    /// cookies only over HTTPS (Chromium also sends them to a loopback address, so browser tests keep them Secure).
    /// </summary>
    public static Dictionary<string, string?> PlainHttpCookies() => new() { ["Sessions:SecureCookie"] = "false" };

    /// <summary>Where metrics and readiness are served, when made by <see cref="WithManagementPort"/>.</summary>
    public Uri? ManagementAddress { get; private init; }

    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
        .Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
}
