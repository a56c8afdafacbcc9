using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace WebMail.Server.Hosting;

/// <summary>
/// The app's HTML pages compressed (Brotli, else gzip), but only for requests the browser says came from the webmail's
/// own pages or from the user (<c>Sec-Fetch-Site: same-origin</c> or <c>none</c>). The inbox page is 75 KB of rows
/// that compress to a sixth; on a phone on a slow line that is over a second before the rows show.
/// </summary>
/// <remarks>
/// Why not for every request: compressing a page that holds a secret beside text an attacker chooses lets the
/// attacker guess the secret from the compressed sizes (BREACH), but only by making the victim's browser fetch the
/// page many times with guesses in it (a search in the URL, say). Those fetches start on the attacker's site, so the
/// browser marks them <c>cross-site</c> (for a redirect chain too, if any step was cross-site), and they get the page
/// uncompressed; a request without the header (an old browser, a script) is not compressed either. The antiforgery
/// token in the forms is besides different in every response (Data Protection encrypts it with a fresh IV). Static
/// files are not handled here: they are compressed once at publish (MapStaticAssets).
/// </remarks>
public static class PageCompression
{
    public static IServiceCollection AddWebMailPageCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true; // safe here because of the Sec-Fetch-Site rule above
            options.MimeTypes = ["text/html"];
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // The fastest levels: a page is compressed on every visit, and they already take 75 KB to about 12.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static IApplicationBuilder UseWebMailPageCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => IsOwnRequest(context.Request), branch => branch.UseResponseCompression());

    /// <summary>The browser says the request came from this site's own pages, or from the user (address bar, bookmark).</summary>
    public static bool IsOwnRequest(HttpRequest request) =>
        request.Headers["Sec-Fetch-Site"].ToString() is "same-origin" or "none";
}
