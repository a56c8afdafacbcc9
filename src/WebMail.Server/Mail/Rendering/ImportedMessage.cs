using MimeKit;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Rendering;

/// <summary>
/// A file the user imports as a message (.eml): parsed, and refused unless it looks like mail. MimeKit reads almost
/// any bytes as a message with a body, so a photo or a Word file picked by mistake must be told apart by having
/// none of the headers every mail has.
/// </summary>
internal static class ImportedMessage
{
    /// <exception cref="MailOperationException">NotAMessage.</exception>
    public static MimeMessage Parse(byte[] eml)
    {
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(new MemoryStream(OversizedHeaders.Cut(eml, out _), writable: false));
        }
        catch (FormatException)
        {
            throw new MailOperationException(MailProblem.NotAMessage);
        }

        var looksLikeMail = message.Headers.Contains(HeaderId.From) && (message.Headers.Contains(HeaderId.Date)
            || message.Headers.Contains(HeaderId.MessageId) || message.Headers.Contains(HeaderId.Subject));
        return looksLikeMail ? message : throw new MailOperationException(MailProblem.NotAMessage);
    }
}
