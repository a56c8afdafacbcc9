using MimeKit;
using WebMail.Client.Services;
using WebMail.Server.Mail.Rendering;

namespace WebMail.Server.Mail.Drafts;

/// <summary>
/// A draft from the Drafts folder — saved by this webmail, a phone, Outlook or Thunderbird — as the compose form's
/// message: recipients (Bcc too, which drafts keep), subject, the text, the HTML (cleaned, its pictures kept as
/// parts with their content ids, so a rich-text draft opens in the rich-text editor), the attachments, and what it
/// replies to.
/// </summary>
public static class DraftReader
{
    /// <exception cref="MailOperationException">With <see cref="MailProblem.TooLarge"/> for a draft too large to open.</exception>
    public static OutgoingMessage Read(RenderedMessage draft)
    {
        if (draft.TooLarge || draft.Raw.Length == 0)
        {
            throw new MailOperationException(MailProblem.TooLarge);
        }

        using var raw = new MemoryStream(draft.Raw, writable: false);
        var message = MimeMessage.Load(raw);
        var view = draft.View;
        var attachments = view.Attachments.Zip(MessageRenderer.AttachmentContents(draft.Raw))
            .Select(pair => new OutgoingAttachment(pair.First.FileName, pair.First.ContentType, pair.Second.Content))
            .ToList();
        var html = message.HtmlBody is { Length: > 0 } body ? MailHtmlSanitizer.Sanitize(body, keepContentIdImages: true).Html : null;
        if (html is not null)
        {
            attachments.AddRange(Pictures(message, html));
        }

        return new OutgoingMessage(
            Addresses(message.To), Addresses(message.Cc), Addresses(message.Bcc), message.Subject ?? "",
            // The line break that ends a MIME text part is not the writer's.
            (view.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'), attachments,
            string.IsNullOrEmpty(message.InReplyTo) ? null : message.InReplyTo,
            message.References.Count > 0 ? message.References.ToList() : null,
            Html: html);
    }

    /// <summary>The pictures the HTML shows from the draft's own parts.</summary>
    private static IEnumerable<OutgoingAttachment> Pictures(MimeMessage message, string html)
    {
        foreach (var part in message.BodyParts.OfType<MimePart>())
        {
            if (part.ContentId is { Length: > 0 } contentId && part.Content is not null
                && part.ContentType.MediaType.Equals("image", StringComparison.OrdinalIgnoreCase)
                && html.Contains("cid:" + contentId, StringComparison.OrdinalIgnoreCase))
            {
                using var content = new MemoryStream();
                part.Content.DecodeTo(content);
                yield return new OutgoingAttachment(part.FileName ?? contentId, part.ContentType.MimeType, content.ToArray(), contentId);
            }
        }
    }

    // As a user would type them: "王老师 <wang@school.edu.cn>, bob@school.edu.cn", names decoded; quoted only where
    // a name holds what would split or end it (MimeKit quotes every name with characters beyond ASCII letters).
    private static string Addresses(InternetAddressList list) => string.Join(", ", list.Mailboxes.Select(Typed));

    private static string Typed(MailboxAddress mailbox) =>
        string.IsNullOrEmpty(mailbox.Name) ? mailbox.Address
        : mailbox.Name.IndexOfAny(Specials) >= 0 ? mailbox.ToString()
        : $"{mailbox.Name} <{mailbox.Address}>";

    private static readonly char[] Specials = [',', ';', '<', '>', '"', '(', ')', '@', ':', '[', ']', '\\'];
}
