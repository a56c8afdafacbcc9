using MimeKit;
using MimeKit.Utils;
using WebMail.Client.Services;
using WebMail.Server.Mail.Rendering;

namespace WebMail.Server.Mail.Smtp;

/// <summary>
/// Builds the MIME message: From is always the signed-in user's address, with the display name they chose (MimeKit
/// encodes a Chinese one per RFC 2047); Date and Message-Id are set; nothing typed can
/// add a header or a recipient (line breaks are removed from every single-line field); non-ASCII subjects are
/// RFC 2047 encoded and non-ASCII file names RFC 2231 encoded by MimeKit.
/// </summary>
public static class OutgoingMessageBuilder
{
    public static MimeMessage Build(string fromAddress, OutgoingMessage outgoing, IEnumerable<MailboxAddress> to,
        IEnumerable<MailboxAddress> cc, IEnumerable<MailboxAddress> bcc, string displayName = "")
    {
        var message = new MimeMessage
        {
            Date = DateTimeOffset.Now,
            MessageId = MimeUtils.GenerateMessageId(fromAddress[(fromAddress.IndexOf('@') + 1)..]),
            Subject = SingleLine(outgoing.Subject),
        };
        var from = MailboxAddress.Parse(fromAddress);
        from.Name = SingleLine(displayName);
        message.From.Add(from);
        message.To.AddRange(to);
        message.Cc.AddRange(cc);
        message.Bcc.AddRange(bcc);
        if (outgoing.InReplyTo is { Length: > 0 } inReplyTo)
        {
            message.InReplyTo = inReplyTo;
        }

        foreach (var reference in outgoing.References ?? [])
        {
            message.References.Add(reference);
        }

        var domain = fromAddress[(fromAddress.IndexOf('@') + 1)..];
        MimeEntity body = outgoing.Html is { } html
            ? RichBody.Build(html, outgoing.Attachments, domain)
            : new TextPart("plain") { Text = OneKindOfLineBreak(outgoing.Body) };
        var files = outgoing.Files.ToList();
        if (files.Count == 0)
        {
            message.Body = body;
        }
        else
        {
            var mixed = new Multipart("mixed") { body };
            var index = 0;
            foreach (var attachment in files)
            {
                mixed.Add(AttachmentPart(attachment, index++));
            }

            message.Body = mixed;
        }

        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    /// <summary>
    /// A file as every mail program reads its name: RFC 2231 on Content-Disposition (the standard), and RFC 2047 on
    /// Content-Type's <c>name</c> as Thunderbird and Gmail also write it, because QQ Mail and Outlook show a Chinese
    /// name encoded only the RFC 2231 way as garbage.
    /// </summary>
    private static MimeEntity AttachmentPart(OutgoingAttachment attachment, int index)
    {
        if (attachment.ContentType.Equals("message/rfc822", StringComparison.OrdinalIgnoreCase) && ForwardedMessage(attachment, index) is { } forwarded)
        {
            return forwarded;
        }

        var part = ContentPart(attachment.ContentType, attachment.Content);
        part.ContentDisposition = new ContentDisposition(ContentDisposition.Attachment);
        part.FileName = SafeFileName.From(attachment.FileName, index);
        foreach (var name in part.ContentType.Parameters.Where(p => p.Name.Equals("name", StringComparison.OrdinalIgnoreCase)))
        {
            name.EncodingMethod = ParameterEncodingMethod.Rfc2047;
        }

        return part;
    }

    /// <summary>A part holding <paramref name="content"/> as base64, of the type given (one that does not parse is sent as bytes).</summary>
    internal static MimePart ContentPart(string contentType, byte[] content) =>
        new(ContentType.TryParse(contentType, out var type) ? type : new ContentType("application", "octet-stream"))
        {
            Content = new MimeContent(new MemoryStream(content, writable: false)),
            ContentTransferEncoding = ContentEncoding.Base64,
        };

    /// <summary>
    /// A message forwarded as an attachment, as a <c>message/rfc822</c> part: RFC 2046 allows it no other transfer
    /// encoding than 7bit, 8bit or binary, and mail programs open a base64-encoded one as an unknown file.
    /// </summary>
    private static MessagePart? ForwardedMessage(OutgoingAttachment attachment, int index)
    {
        try
        {
            var part = new MessagePart
            {
                Message = MimeMessage.Load(new MemoryStream(attachment.Content, writable: false)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = SafeFileName.From(attachment.FileName, index) },
            };
            return part;
        }
        catch (FormatException)
        {
            return null; // Not a message after all: sent as the file it is.
        }
    }

    /// <summary>A draft as the Drafts folder keeps it: addresses that do not parse yet are left out, not refused.</summary>
    public static MimeMessage BuildDraft(string fromAddress, OutgoingMessage draft) =>
        Build(fromAddress, draft, AddressParser.Parse(draft.To).Valid, AddressParser.Parse(draft.Cc).Valid, AddressParser.Parse(draft.Bcc).Valid);

    /// <summary>
    /// Every line ending as "\n", which MimeKit writes as CRLF: a lone CR or LF typed or pasted by the user would
    /// otherwise reach the SMTP server as is, which RFC 5321 forbids and some servers refuse or mangle.
    /// </summary>
    private static string OneKindOfLineBreak(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string SingleLine(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
}
