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
    }

    public static new WebMailServerFactory With(Dictionary<string, string?> settings) => new(settings);

    /// <summary>The app listening on exactly these loopback endpoints (the load run gives each user an address of its own).</summary>
    public static WebMailServerFactory ListeningOn(Dictionary<string, string?> settings, IReadOnlyList<System.Net.IPEndPoint> listen) =>
        new(settings, listen);

    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
        .Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
}
