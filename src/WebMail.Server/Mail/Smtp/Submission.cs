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
public sealed class Submission(MailClientFactory clients, WebMailMetrics metrics, ILogger<Submission> logger)
{
    public async Task<SendResult> SubmitAndKeepCopyAsync(
        MailDomainOptions domain, MailSessionContext context, MimeMessage message, string? repliedToId, CancellationToken cancellationToken)
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

    private async Task<SendResult> SubmitAsync(MailDomainOptions domain, UserSession session, MimeMessage message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, session.Ended);
        timeout.CancelAfter(domain.Smtp!.Timeout);
        try
        {
            using var smtp = await clients.ConnectSmtpAsync(domain, timeout.Token);
            await smtp.AuthenticateAsync(session.Address, session.RevealPassword(), timeout.Token);
            // The envelope lists Bcc recipients; the transmitted headers do not (MailKit leaves Bcc out).
            var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes);
            await smtp.SendAsync(message, message.From.Mailboxes.Single(), recipients, timeout.Token);
            await smtp.DisconnectAsync(quit: true, timeout.Token);
            logger.LogInformation("{Address} sent a message to {Count} recipients", session.Address, recipients.Count());
            return new SendResult(MailProblem.None);
        }
        catch (SmtpCommandException exception) when (exception.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            return new SendResult(MailProblem.RecipientRefused, $"{exception.Mailbox?.Address}: {(int)exception.StatusCode} {exception.Message}");
        }
        catch (SmtpCommandException exception) when (exception.StatusCode == SmtpStatusCode.ExceededStorageAllocation)
        {
            return new SendResult(MailProblem.TooLarge, $"{(int)exception.StatusCode} {exception.Message}");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var problem = timeout.IsCancellationRequested && !session.IsEnded ? MailProblem.Timeout : MailProblemClassifier.Classify(exception);
            logger.LogWarning("Sending for {Address} failed: {Problem} ({ExceptionType})", session.Address, problem, exception.GetType().Name);
            return new SendResult(session.IsEnded ? MailProblem.SessionEnded : problem);
        }
    }
}
