namespace WebMail.Server.Hosting;

/// <summary>
/// Browser-side defences for the app's own pages: a strict Content-Security-Policy that Blazor Server works under
/// (scripts only from this origin, the live connection to this origin, frames only for our own message bodies),
/// no MIME sniffing, no referrer, never framed by another site. The sandboxed message body keeps its own policy.
/// </summary>
public static class SecurityHeaders
{
    public const string AppPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseWebMailSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // Blazor adds its own "frame-ancestors 'self'" to interactive pages; ours is stricter and complete.
            // Only a sandboxed message body keeps the policy it was given.
            if (!headers.ContentSecurityPolicy.ToString().StartsWith("sandbox", StringComparison.Ordinal))
            {
                headers.ContentSecurityPolicy = AppPolicy;
            }

            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = headers.ContentSecurityPolicy.ToString().Contains("frame-ancestors 'self'", StringComparison.Ordinal) ? "SAMEORIGIN" : "DENY";
            return Task.CompletedTask;
        });
        await next();
    });
}
