using System.Globalization;
using MimeKit;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Smtp;

/// <summary>
/// A message disposition notification (RFC 8098) saying a message was displayed: multipart/report with a
/// human-readable part and the machine-readable message/disposition-notification part, sent manually.
/// </summary>
public static class ReadReceipt
{
    /// <param name="readable">The sentence for people, in the user's language.</param>
    public static MimeMessage Build(MessageView original, string user, string subject, string readable, DateTimeOffset now)
    {
        var report = new MultipartReport("disposition-notification");
        report.Add(new TextPart("plain") { Text = readable });
        var notification = new MessageDispositionNotification();
        notification.Fields.Add("Reporting-UA", "WebMail");
        notification.Fields.Add("Final-Recipient", "rfc822;" + user);
        if (original.MessageId is { Length: > 0 } id)
        {
            notification.Fields.Add("Original-Message-ID", $"<{id}>");
        }

        // The user chose to send it: "manual-action/MDN-sent-manually" (RFC 8098 §3.2.6).
        notification.Fields.Add("Disposition", "manual-action/MDN-sent-manually; displayed");
        report.Add(notification);

        var message = new MimeMessage { Subject = subject, Date = now, Body = report };
        message.From.Add(MailboxAddress.Parse(user));
        message.To.Add(MailboxAddress.Parse(original.ReceiptTo!));
        // An automatic answer in kind: away messages and filters must not answer it (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-replied");
        if (original.MessageId is { Length: > 0 } inReplyTo)
        {
            message.InReplyTo = inReplyTo;
            message.References.Add(inReplyTo);
        }

        return message;
    }

    /// <summary>When the original was sent, as the readable part says it (the sender's own offset).</summary>
    public static string SentAt(MessageView original) => original.Date.ToString("f", CultureInfo.CurrentCulture);
}
