using MailKit.Net.Smtp;
using MimeKit;
using WebMail.Client.Services;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Diagnostics;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Mail.Smtp;

/// <summary>
/// Hands a built message to the domain's submission server, authenticated as the user, then marks the original of a
/// reply answered and keeps a copy in Sent. One home for sending, whether the page waits for it (no undo delay) or
/// the outbox sends it later, possibly after the session that wrote it has ended.
/// </summary>
public sealed class Submission(MailClientFactory clients, MailServerCalls calls, WebMailMetrics metrics, ILogger<Submission> logger)
{
    public async Task<SendResult> SubmitAndKeepCopyAsync(
        MailDomainOptions domain, SessionMailbox context, MimeMessage message, string? repliedToId, CancellationToken cancellationToken)
    {
        var result = await SubmitAsync(domain, context.Session, message, cancellationToken);
        metrics.Send(result.Succeeded ? "ok" : result.Problem.ToString());
        if (!result.Succeeded)
        {
            return result;
        }

        if (repliedToId is not null)
        {
            try
            {
                // Other clients show the original as answered, as they would had the user replied there.
                await context.MarkAnsweredAsync(repliedToId, cancellationToken);
            }
            catch (MailOperationException exception)
            {
                logger.LogInformation("Original of a reply by {Address} not flagged answered: {Problem}", context.Session.Address, exception.Problem);
            }
        }

        try
        {
            var saved = await context.Store.AppendToSentAsync(message, cancellationToken);
            context.FolderGrew(SpecialFolderKind.Sent);
            return result with { SavedToSent = saved };
        }
        catch (MailOperationException exception)
        {
            // The mail went out; only the copy is missing. Say so rather than invite a second send.
            logger.LogWarning("Sent message of {Address} not saved to Sent: {Problem}", context.Session.Address, exception.Problem);
            return result;
        }
    }

    /// <summary>Submits <paramref name="message"/> as the session's user and keeps no copy (a read receipt).</summary>
    public async Task<SendResult> SubmitAsync(MailDomainOptions domain, UserSession session, MimeMessage message, CancellationToken cancellationToken)
    {
        var target = new MailCallTarget("smtp", "send", domain.Smtp!, session.Address, session.Ended);
        try
        {
            return await calls.RunOnNewConnectionAsync(
                target,
                token => clients.ConnectSmtpAsync(domain, token),
                async (smtp, token) =>
                {
                    await smtp.AuthenticateAsync(session.Address, session.RevealPassword(), token);
                    return await TransmitAsync(smtp, session, message, token);
                },
                cancellationToken);
        }
        catch (MailOperationException exception)
        {
            return new SendResult(exception.Problem);
        }
    }

    /// <summary>The refusals a user can act on (a recipient, the size) are answers, not failures of the call.</summary>
    private async Task<SendResult> TransmitAsync(SmtpClient smtp, UserSession session, MimeMessage message, CancellationToken cancellationToken)
    {
        // The envelope lists Bcc recipients; the transmitted headers do not (MailKit leaves Bcc out).
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).ToList();
        try
        {
            await smtp.SendAsync(message, message.From.Mailboxes.Single(), recipients, cancellationToken);
        }
        catch (SmtpCommandException exception) when (exception.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            return new SendResult(MailProblem.RecipientRefused, $"{exception.Mailbox?.Address}: {(int)exception.StatusCode} {exception.Message}");
        }
        catch (SmtpCommandException exception) when (exception.StatusCode == SmtpStatusCode.ExceededStorageAllocation)
        {
            return new SendResult(MailProblem.TooLarge, $"{(int)exception.StatusCode} {exception.Message}");
        }

        logger.LogInformation("{Address} sent a message to {Count} recipients", session.Address, recipients.Count);
        return new SendResult(MailProblem.None);
    }
}
