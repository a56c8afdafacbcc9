namespace WebMail.Server.Hosting;

/// <summary>
/// The PDF preview runs in a sandboxed page, which has no origin: to the browser, its module scripts (pdf.js and our
/// viewer) and pdf.js's character maps come from another origin and load only when the response allows any origin.
/// These are public library files, the same for everyone, so allowing that gives nothing away.
/// </summary>
public static class SandboxedViewerAssets
{
    private static readonly string[] Paths = ["/lib/pdfjs-dist/", "/pdf-preview.js"];

    public static IApplicationBuilder UseSandboxedViewerAssets(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path.Value ?? "";
        if (Paths.Any(p => path.StartsWith(p, StringComparison.Ordinal)))
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
        }

        await next();
    });
}
