using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace WebMail.Server.Hosting;

public static class ForwardedHeadersRegistration
{
    /// <summary>
    /// Behind a reverse proxy the client's address and scheme come from X-Forwarded-For/-Proto, but only from
    /// proxies we were told about (loopback always): sign-in throttling per client address and Secure cookies depend on it.
    /// </summary>
    public static WebApplicationBuilder AddWebMailForwardedHeaders(this WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return builder;
    }
}
