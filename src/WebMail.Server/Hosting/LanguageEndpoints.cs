using Microsoft.AspNetCore.Localization;
using WebMail.Client.Services;

namespace WebMail.Server.Hosting;

public static class LanguageEndpoints
{
    public const string Path = "/language";

    /// <summary>Puts <paramref name="culture"/> (one of the supported ones) in the browser's culture cookie; also at sign-in, from the user's settings.</summary>
    public static void Remember(HttpContext http, string culture)
    {
        var chosen = EndpointMapping.SupportedCultures.First(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, IsEssential = true, Secure = http.Request.IsHttps });
    }

    /// <summary>
    /// Remembers the chosen language in the standard culture cookie. A full page load, because a live circuit keeps
    /// the culture it started with.
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (string? culture, string? returnUrl, HttpContext http) =>
        {
            if (culture is null || !EndpointMapping.SupportedCultures.Contains(culture, StringComparer.OrdinalIgnoreCase))
            {
                return Results.BadRequest();
            }

            Remember(http, culture);
            return Results.LocalRedirect(LocalReturnUrl.Sanitize(returnUrl));
        }).AllowAnonymous();
        return endpoints;
    }
}
