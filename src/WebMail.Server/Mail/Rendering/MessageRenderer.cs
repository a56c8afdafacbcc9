using System.Text;
using MimeKit;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Rendering;

/// <summary>
/// Decodes a raw message into what the reading pane shows. Never throws for broken input: what cannot be decoded
/// is left out and flagged, and an HTML body too large or too deeply nested for the sanitizer falls back to text.
/// </summary>
public static class MessageRenderer
{
    /// <summary>HtmlSanitizer's parser slows down steeply with size and nesting; past these the HTML is not parsed.</summary>
    public const int MaxHtmlChars = 2_000_000;
    public const int MaxHtmlDepth = 400;
    private const long MaxInlineImageBytes = 2_000_000;

    /// <summary>
    /// All inlined images of one message together, as characters of data: URIs. Each reference to an image repeats
    /// its whole data: URI, so one image referenced hundreds of times would otherwise grow a 2 MB message into
    /// gigabytes of string on every open. References past the budget stay cid: links, which the frame does not load.
    /// </summary>
    public const long MaxInlinedChars = 8_000_000;

    public static RenderedMessage Render(string id, byte[] raw)
    {
        if (TryLoad(raw, out var problems) is not { } message)
        {
            // Not even headers: show the bytes as text rather than nothing.
            var text = Encoding.UTF8.GetString(raw);
            return new RenderedMessage(
                new MessageView(id, "", "", "", "", "", DateTimeOffset.MinValue, text, false, false, [], true), null, raw);
        }

        string? htmlBody = SafeGet(() => message.HtmlBody, ref problems);
        var readable = ReadableParts.Collect(message);
        problems |= readable.Problems;
        // Without HTML the text is every readable plain part; with it, MimeKit's choice is the text form of the HTML.
        string? textBody = htmlBody is null ? readable.Text : SafeGet(() => message.TextBody, ref problems);
        string? safeHtml = null;
        var remote = false;
        if (htmlBody is not null)
        {
            if (htmlBody.Length > MaxHtmlChars || NestingDepth(htmlBody) > MaxHtmlDepth)
            {
                problems = true;
                textBody ??= SafeGet(() => HtmlText.ToPlainText(htmlBody[..Math.Min(htmlBody.Length, MaxHtmlChars)]), ref problems);
            }
            else
            {
                (safeHtml, remote) = SafeSanitize(InlineContentIdImages(message, htmlBody), ref problems);
                textBody ??= SafeGet(() => HtmlText.ToPlainText(htmlBody), ref problems);
            }
        }

        var from = message.From.Mailboxes.FirstOrDefault();
        var view = new MessageView(
            id,
            from?.Name ?? "",
            from?.Address ?? message.From.ToString(),
            message.To.ToString(),
            message.Cc.ToString(),
            message.Subject ?? "",
            MessageDate.Of(message.Headers),
            textBody,
            safeHtml is not null,
            remote,
            Attachments(message, ref problems),
            problems)
        {
            TooDeeplyNested = readable.TooDeeplyNested,
            SafeHtml = safeHtml,
            InPageHtml = remote ? null : InPageHtml.From(safeHtml),
            ReceiptTo = ReceiptAddress(message),
            MessageId = message.MessageId,
            References = [.. message.References],
            ReplyTo = (message.ReplyTo.Mailboxes.Any() ? message.ReplyTo.Mailboxes : message.From.Mailboxes).Select(m => m.ToString()).ToList(),
            OtherRecipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.ToString()).ToList(),
        };
        return new RenderedMessage(view, safeHtml, raw);
    }

    /// <summary>The decoded content of attachment <paramref name="index"/> (as listed in the view), or null.</summary>
    public static (string FileName, byte[] Content)? Attachment(byte[] raw, int index) =>
        AttachmentContents(raw).Skip(index).Select(a => ((string, byte[])?)a).FirstOrDefault();

    /// <summary>Every attachment's safe name and decoded content, in view order, from one parse of the message.</summary>
    public static IEnumerable<(string FileName, byte[] Content)> AttachmentContents(byte[] raw)
    {
        foreach (var source in AttachmentSources(raw))
        {
            using var content = new MemoryStream();
            source.CopyTo(content);
            yield return (source.FileName, content.ToArray());
        }
    }

    /// <summary>
    /// Attachment <paramref name="index"/> (as listed in the view), to be decoded straight into a response: the
    /// download does not build a second copy of the file in memory.
    /// </summary>
    public static AttachmentSource? FindAttachment(byte[] raw, int index) => AttachmentSources(raw).Skip(index).FirstOrDefault();

    private static IEnumerable<AttachmentSource> AttachmentSources(byte[] raw)
    {
        // Not even headers: Render showed such bytes as text, with no attachments to ask for.
        if (TryLoad(raw, out _) is not { } message)
        {
            yield break;
        }

        var index = 0;
        foreach (var entity in AttachmentsOf(message))
        {
            yield return new AttachmentSource(SafeFileName.From(FileNameOf(entity), index++), entity);
        }
    }

    /// <param name="headersCut">Whether a header field too long to parse in time was cut first.</param>
    private static MimeMessage? TryLoad(byte[] raw, out bool headersCut)
    {
        var parsable = OversizedHeaders.Cut(raw, out headersCut);
        try
        {
            return MimeMessage.Load(new MemoryStream(parsable, writable: false));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static List<AttachmentInfo> Attachments(MimeMessage message, ref bool problems)
    {
        var result = new List<AttachmentInfo>();
        try
        {
            var index = 0;
            foreach (var entity in AttachmentsOf(message))
            {
                var size = entity is MimePart { Content: not null } part ? EstimateDecodedSize(part) : 0;
                result.Add(new AttachmentInfo(index, SafeFileName.From(FileNameOf(entity), index), entity.ContentType.MimeType, size));
                index++;
            }
        }
        catch (Exception exception) when (exception is FormatException or NotSupportedException or ArgumentException)
        {
            problems = true;
        }

        return result;
    }

    /// <summary>
    /// What the reader offers to download, in message order, as <see cref="AttachmentRules.IsOffered"/> says (MimeKit's
    /// own list leaves out named parts without a disposition, and the user would never see those files).
    /// </summary>
    private static IEnumerable<MimeEntity> AttachmentsOf(MimeMessage message) =>
        message.BodyParts.Where(entity => AttachmentRules.IsOffered(
            entity.IsAttachment, entity.ContentDisposition is not null, entity.ContentId, (entity as MimePart)?.FileName, entity.ContentType.MediaType));

    private static string? FileNameOf(MimeEntity entity) => entity switch
    {
        MimePart part => part.FileName,
        MessagePart attached => (attached.Message?.Subject ?? "message") + ".eml",
        _ => null,
    };

    private static long EstimateDecodedSize(MimePart part)
    {
        var stream = part.Content?.Stream;
        if (stream is null || !stream.CanSeek)
        {
            return 0;
        }

        return AttachmentRules.DecodedSize(stream.Length, part.ContentTransferEncoding == ContentEncoding.Base64);
    }

    /// <summary>
    /// Replaces cid: references by data: URIs of the message's own images, so the sandboxed frame needs no requests;
    /// at most <see cref="MaxInlinedChars"/> in all, counted before any string is built.
    /// </summary>
    private static string InlineContentIdImages(MimeMessage message, string html)
    {
        if (!html.Contains("cid:", StringComparison.OrdinalIgnoreCase))
        {
            return html;
        }

        var budget = MaxInlinedChars;
        foreach (var part in message.BodyParts.OfType<MimePart>())
        {
            if (part.ContentId is not { Length: > 0 } contentId || !part.ContentType.MediaType.Equals("image", StringComparison.OrdinalIgnoreCase)
                || part.Content is null || part.ContentType.MediaSubtype.Contains("svg", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var reference = "cid:" + contentId;
            var uses = Occurrences(html, reference);
            if (uses == 0 || EstimateDecodedSize(part) > MaxInlineImageBytes * 2)
            {
                continue;
            }

            using var decoded = new MemoryStream();
            part.Content.DecodeTo(decoded);
            var dataUriLength = 4L * ((decoded.Length + 2) / 3) + part.ContentType.MimeType.Length + 13;
            if (decoded.Length > MaxInlineImageBytes || dataUriLength * uses > budget)
            {
                continue;
            }

            budget -= dataUriLength * uses;
            var dataUri = $"data:{part.ContentType.MimeType};base64,{Convert.ToBase64String(decoded.GetBuffer(), 0, (int)decoded.Length)}";
            html = html.Replace(reference, dataUri, StringComparison.OrdinalIgnoreCase);
        }

        return html;
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// The sanitizer on HTML that passed the size and depth checks (plus inlined images): whatever it throws on,
    /// the reader gets the text instead of an error, since Render never throws.
    /// </summary>
    private static (string? Html, bool HasRemoteContent) SafeSanitize(string html, ref bool problems)
    {
        try
        {
            return MailHtmlSanitizer.Sanitize(html);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            problems = true;
            return (null, false);
        }
    }

    /// <summary>A cheap upper bound of element nesting, counted before any parser sees the HTML.</summary>
    internal static int NestingDepth(string html)
    {
        int depth = 0, max = 0;
        for (var i = 0; i + 1 < html.Length; i++)
        {
            if (html[i] != '<')
            {
                continue;
            }

            if (html[i + 1] == '/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (char.IsLetter(html[i + 1]) && !IsVoidElementAt(html, i + 1))
            {
                max = Math.Max(max, ++depth);
            }
        }

        return max;
    }

    private static readonly string[] VoidElements = ["br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source"];

    private static bool IsVoidElementAt(string html, int start) =>
        VoidElements.Any(v => string.Compare(html, start, v, 0, v.Length, StringComparison.OrdinalIgnoreCase) == 0
            && (start + v.Length >= html.Length || !char.IsLetterOrDigit(html[start + v.Length])));

    private static string? SafeGet(Func<string?> get, ref bool problems)
    {
        try
        {
            return get();
        }
        catch (Exception exception) when (exception is FormatException or NotSupportedException or ArgumentException or DecoderFallbackException
                                              or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            problems = true;
            return null;
        }
    }

    /// <summary>The one address a read receipt would go to, when the message asks for one and names it plainly.</summary>
    private static string? ReceiptAddress(MimeMessage message) =>
        message.Headers[HeaderId.DispositionNotificationTo] is { Length: > 0 } header
            && InternetAddressList.TryParse(header, out var addresses)
            && addresses.Mailboxes.ToList() is [{ Address: { } address }] && address.Contains('@')
            ? address
            : null;
}
