using System.Text;
using Microsoft.Net.Http.Headers;
using WebMail.Client.Services;

namespace WebMail.Server.Mail;

/// <summary>
/// What the reading pane loads outside the circuit: the sanitized HTML body (into a sandboxed frame) and
/// attachment downloads. Both resolve message ids only within the caller's own session: anything else is 404.
/// </summary>
public static class MessageEndpoints
{
    public static IEndpointRouteBuilder MapMessageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var mail = endpoints.MapGroup("/mail/messages/{id}").RequireAuthorization();
        mail.MapGet("/body", ServeBodyAsync);
        mail.MapGet("/attachments/{index:int}", ServeAttachmentAsync);
        mail.MapGet("/source", ServeSourceAsync);
        mail.MapGet("/original", ServeOriginalAsync);
        return endpoints;
    }

    private static async Task<IResult> ServeBodyAsync(string id, bool? remote, HttpContext http, CurrentMailSession current)
    {
        var rendered = await OpenAsync(id, http, current);
        if (rendered?.SafeHtml is null)
        {
            return Results.NotFound();
        }

        // The policy carries "sandbox" itself, so the body stays script-less and origin-less even when this URL
        // is opened directly. Remote images, styles and fonts load only when the user allowed them.
        var remoteSources = remote == true ? " https: http:" : "";
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy =
            "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; " +
            $"img-src data:{remoteSources}; style-src 'unsafe-inline'{remoteSources}; font-src data:{remoteSources}; " +
            "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        var document = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"referrer\" content=\"no-referrer\">" +
            "<style>body{font-family:system-ui,sans-serif;margin:0;padding:.5rem;overflow-wrap:anywhere}img{max-width:100%;height:auto}</style>" +
            $"</head><body>{rendered.SafeHtml}</body></html>";
        return Results.Text(document, "text/html; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The raw message as text, for View source: sandboxed, never run, never sniffed into HTML.</summary>
    private static async Task<IResult> ServeSourceAsync(string id, HttpContext http, CurrentMailSession current)
    {
        var rendered = await OpenAsync(id, http, current);
        if (rendered is null)
        {
            return Results.NotFound();
        }

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'; frame-ancestors 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        // Raw mail is mostly ASCII; 8-bit bodies in other charsets show as replacement characters, as in any "view source".
        return rendered.TooLarge
            ? StreamOriginal(id, current, http, "text/plain; charset=utf-8")
            : Results.Bytes(rendered.Raw, "text/plain; charset=utf-8");
    }

    /// <summary>The message as the server has it, as a .eml download streamed from the server.</summary>
    private static async Task<IResult> ServeOriginalAsync(string id, HttpContext http, CurrentMailSession current)
    {
        if (await OpenAsync(id, http, current) is not { } rendered)
        {
            return Results.NotFound();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"message.eml\"";
        return rendered.TooLarge ? StreamOriginal(id, current, http, "message/rfc822") : Results.Bytes(rendered.Raw, "message/rfc822");
    }

    private static IResult StreamOriginal(string id, CurrentMailSession current, HttpContext http, string contentType) =>
        Results.Stream(async body =>
        {
            var context = await current.ForAsync(http.User);
            await context.Store.CopyOriginalToAsync(id, body, http.RequestAborted);
        }, contentType);

    private static async Task<IResult> ServeAttachmentAsync(string id, int index, HttpContext http, CurrentMailSession current)
    {
        var rendered = await OpenAsync(id, http, current);
        if (rendered?.TooLarge == true && rendered.View.Attachments.ElementAtOrDefault(index) is { } listed)
        {
            // The message stays on the server: the part is fetched and decoded as it streams to the browser.
            return Download(http, listed.FileName, Results.Stream(async body =>
                await (await current.ForAsync(http.User)).Store.CopyAttachmentToAsync(id, index, body, http.RequestAborted), "application/octet-stream"));
        }

        if (rendered is null || Rendering.MessageRenderer.FindAttachment(rendered.Raw, index) is not { } attachment)
        {
            return Results.NotFound();
        }

        return Download(http, attachment.FileName, Results.Stream(body => attachment.CopyToAsync(body, http.RequestAborted), "application/octet-stream"));
    }

    /// <summary>Always a download of opaque bytes: an HTML or SVG attachment must never render in our origin.</summary>
    private static IResult Download(HttpContext http, string fileName, IResult content)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return content;
    }

    private static async Task<Rendering.RenderedMessage?> OpenAsync(string id, HttpContext http, CurrentMailSession current)
    {
        try
        {
            var context = await current.ForAsync(http.User);
            return await context.OpenAsync(id, http.RequestAborted);
        }
        catch (MailOperationException exception) when (exception.Problem is MailProblem.MessageNotFound or MailProblem.SessionEnded)
        {
            return null;
        }
    }
}
