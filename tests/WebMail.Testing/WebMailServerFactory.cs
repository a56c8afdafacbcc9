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

    private WebMailServerFactory(IReadOnlyDictionary<string, string?>? settings)
        : base(settings)
    {
        UseKestrel(port: 0);
        StartServer();
    }

    public static new WebMailServerFactory With(Dictionary<string, string?> settings) => new(settings);

    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
        .Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
}
