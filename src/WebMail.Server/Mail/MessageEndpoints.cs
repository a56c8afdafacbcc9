using System.Text;
using Microsoft.Net.Http.Headers;
using WebMail.Client.Services;
using WebMail.Client.Shared;

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
        mail.MapGet("/attachments.zip", ServeAttachmentsZipAsync);
        mail.MapGet("/print", ServePrintAsync);
        mail.MapAttachmentPreviews();
        endpoints.MapGet("/" + BodyFrame.WarmupUrl, ServeBodyFrameWarmup).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> ServeBodyAsync(string id, bool? remote, HttpContext http, CurrentMailbox current)
    {
        if (await OpenAsync(id, http, current) is not { Rendered.SafeHtml: { } safeHtml })
        {
            return Results.NotFound();
        }

        return BodyDocument(http, safeHtml, remote == true);
    }

    /// <summary>
    /// The hidden frame that keeps the browser's process for body frames ready (<see cref="BodyFrame.WarmupUrl"/>):
    /// a fixed document like a body (a word in each of the UI's languages), under the body's policy.
    /// </summary>
    private static IResult ServeBodyFrameWarmup(HttpContext http) =>
        BodyDocument(http, "<p lang=\"zh-CN\">邮件</p><p lang=\"en\">Mail</p>", remote: false);

    /// <summary>Sanitized HTML as the document of a body frame, under the body's own policy.</summary>
    private static IResult BodyDocument(HttpContext http, string safeHtml, bool remote)
    {
        // The policy carries "sandbox" itself, so the body stays script-less and origin-less even when this URL
        // is opened directly. Remote images, styles and fonts load only when the user allowed them.
        Sandboxed(http, $"sandbox {BodyFrame.Sandbox}; {BodyFrame.PolicyFor(remote)}; frame-ancestors 'self'");
        return Results.Text(BodyFrame.Document(safeHtml), "text/html; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>
    /// The message, or with <c>?conversation=true</c> its whole conversation, laid out for paper
    /// (<see cref="Rendering.PrintPage"/>); the print dialog opens by itself.
    /// </summary>
    private static async Task<IResult> ServePrintAsync(
        string id, bool? conversation, HttpContext http, CurrentMailbox current, Microsoft.Extensions.Localization.IStringLocalizer<WebMail.Client.UiText> text)
    {
        if (await OpenAsync(id, http, current) is not { } opened)
        {
            return Results.NotFound();
        }

        IReadOnlyList<Rendering.RenderedMessage> printed = conversation == true
            ? await opened.Context.OpenConversationAsync(id, http.RequestAborted)
            : [opened.Rendered];

        Sandboxed(http, Rendering.PrintPage.ContentSecurityPolicy);
        var page = Rendering.PrintPage.Render(printed, text, $"{http.Request.PathBase}/print.js");
        return Results.Text(page, "text/html; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The raw message as text, for View source: sandboxed, never run, never sniffed into HTML.</summary>
    private static async Task<IResult> ServeSourceAsync(string id, HttpContext http, CurrentMailbox current)
    {
        if (await OpenAsync(id, http, current) is not { } opened)
        {
            return Results.NotFound();
        }

        var (context, rendered) = opened;

        Sandboxed(http, "sandbox; default-src 'none'; frame-ancestors 'self'");
        // Raw mail is mostly ASCII; 8-bit bodies in other charsets show as replacement characters, as in any "view source".
        return Original(context, rendered, http, "text/plain; charset=utf-8");
    }

    /// <summary>The message as the server has it, as a .eml download streamed from the server.</summary>
    private static async Task<IResult> ServeOriginalAsync(string id, HttpContext http, CurrentMailbox current)
    {
        if (await OpenAsync(id, http, current) is not { } opened)
        {
            return Results.NotFound();
        }

        var (context, rendered) = opened;

        return Download(http, Rendering.SafeFileName.ForMessage(rendered.View.Subject), Original(context, rendered, http, "message/rfc822"));
    }

    /// <summary>The raw message: from the cache, or streamed from the server when it was too large to keep.</summary>
    private static IResult Original(Sessions.SessionMailbox context, Rendering.RenderedMessage rendered, HttpContext http, string contentType) =>
        rendered.TooLarge
            ? Results.Stream(body => context.Store.CopyOriginalToAsync(rendered.View.Id, body, http.RequestAborted), contentType)
            : Results.Bytes(rendered.Raw, contentType);

    private static async Task<IResult> ServeAttachmentAsync(string id, int index, HttpContext http, CurrentMailbox current)
    {
        if (await OpenAsync(id, http, current) is not { } opened || OpenedAttachment.Find(opened.Context, opened.Rendered, index) is not { } attachment)
        {
            return Results.NotFound();
        }

        // Streamed as it decodes: from the cached message, or from the server for a message too large to keep.
        return Download(http, attachment.Info.FileName, Results.Stream(body => attachment.CopyToAsync(body, http.RequestAborted), "application/octet-stream"));
    }

    /// <summary>
    /// Every attachment in one zip, names in UTF-8 (flagged so, which Windows Explorer and macOS read), the same name
    /// twice numbered. Built in a temporary file first: a zip's directory is written at its end, synchronously.
    /// </summary>
    private static async Task<IResult> ServeAttachmentsZipAsync(string id, HttpContext http, CurrentMailbox current)
    {
        if (await OpenAsync(id, http, current) is not { } opened || opened.Rendered.View.Attachments.Count == 0)
        {
            return Results.NotFound();
        }

        var (context, rendered) = opened;
        var attachments = rendered.View.Attachments;
        var names = Rendering.SafeFileName.Distinct(attachments.Select(a => a.FileName));
        var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using (var zip = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
            {
                for (var i = 0; i < attachments.Count; i++)
                {
                    await using var entry = zip.CreateEntry(names[i], System.IO.Compression.CompressionLevel.Fastest).Open();
                    if (OpenedAttachment.Find(context, rendered, attachments[i].Index) is { } attachment)
                    {
                        await attachment.CopyToAsync(entry, http.RequestAborted);
                    }
                }
            }

            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        var name = Path.GetFileNameWithoutExtension(Rendering.SafeFileName.ForMessage(rendered.View.Subject)) + ".zip";
        return Download(http, name, Results.Stream(file, "application/zip"));
    }

    /// <summary>
    /// Headers of a page or file from mail shown by the browser: its own policy (which starts with "sandbox", so the
    /// app's policy is not put over it), never sniffed, no referrer, never cached.
    /// </summary>
    internal static void Sandboxed(HttpContext http, string policy)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
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

    /// <summary>The message of the caller's own session, with that session's mail context (for what streams from the server).</summary>
    internal static async Task<(Sessions.SessionMailbox Context, Rendering.RenderedMessage Rendered)?> OpenAsync(
        string id, HttpContext http, CurrentMailbox current)
    {
        try
        {
            var context = await current.ForAsync(http.User);
            return (context, await context.OpenAsync(id, http.RequestAborted));
        }
        catch (MailOperationException exception) when (exception.Problem is MailProblem.MessageNotFound or MailProblem.SessionEnded)
        {
            return null;
        }
    }
}
