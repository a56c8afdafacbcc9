using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using WebMail.Client;
using WebMail.Client.Services;

namespace WebMail.Server.Mail;

/// <summary>
/// What the reader's attachment preview loads: pictures, sound and video as themselves, and PDFs in a pdf.js page.
/// Only what <see cref="AttachmentPreview"/> previews, as the media type it names (never the sender's claim), each
/// under a policy that starts with "sandbox", so even opened directly no script of the file runs with the app's
/// origin (an SVG's script included) and nothing loads from elsewhere. Text and tables come over the live
/// connection instead (<see cref="IMailboxService.PreviewTextAsync"/>).
/// </summary>
internal static class AttachmentPreviewEndpoints
{
    private const string MediaPolicy =
        "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    public static RouteGroupBuilder MapAttachmentPreviews(this RouteGroupBuilder message)
    {
        message.MapGet("/attachments/{index:int}/preview", ServeMediaAsync);
        message.MapGet("/attachments/{index:int}/pdf", ServePdfPageAsync);
        return message;
    }

    private static async Task<IResult> ServeMediaAsync(string id, int index, HttpContext http, CurrentMailbox current)
    {
        if (await ReadAsync(id, index, http, current, AttachmentPreviewKind.Image, AttachmentPreviewKind.Audio, AttachmentPreviewKind.Video)
            is not (var attachment, var bytes))
        {
            return Results.NotFound();
        }

        MessageEndpoints.Sandboxed(http, MediaPolicy);
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(attachment.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        // Ranges: a video seeks, and Chromium asks for one before it plays.
        return Results.Bytes(bytes, AttachmentPreview.MediaTypeOf(attachment), enableRangeProcessing: true);
    }

    private static async Task<IResult> ServePdfPageAsync(string id, int index, HttpContext http, CurrentMailbox current, IStringLocalizer<UiText> text)
    {
        if (await ReadAsync(id, index, http, current, AttachmentPreviewKind.Pdf) is not (var attachment, var bytes))
        {
            return Results.NotFound();
        }

        MessageEndpoints.Sandboxed(http, Rendering.PdfPreviewPage.ContentSecurityPolicy($"{http.Request.Scheme}://{http.Request.Host}"));
        var page = Rendering.PdfPreviewPage.Render(attachment.FileName, bytes, text, http.Request.PathBase);
        return Results.Text(page, "text/html; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The attachment's bytes, when it exists, is previewed as one of <paramref name="kinds"/>, and is no larger than a preview takes.</summary>
    private static async Task<(AttachmentInfo Attachment, byte[] Bytes)?> ReadAsync(
        string id, int index, HttpContext http, CurrentMailbox current, params AttachmentPreviewKind[] kinds)
    {
        if (await MessageEndpoints.OpenAsync(id, http, current) is not (var context, var rendered)
            || OpenedAttachment.Find(context, rendered, index) is not { } attachment
            || !kinds.Contains(AttachmentPreview.KindOf(attachment.Info)))
        {
            return null;
        }

        var (bytes, cut) = await attachment.ReadAsync((int)AttachmentPreview.MaxBytes, http.RequestAborted);
        return cut ? null : (attachment.Info, bytes);
    }
}
