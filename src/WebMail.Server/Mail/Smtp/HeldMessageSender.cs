using Microsoft.Extensions.Options;
using MimeKit;
using WebMail.Client.Services;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Mail.Smtp;

/// <summary>
/// Sends a held message whatever became of the session that wrote it: through that session when it is still
/// signed in (its lists learn of the Sent copy), otherwise as that user, from the record kept with the message.
/// </summary>
public sealed class HeldMessageSender(
    UserSessionStore sessions, SessionMailboxes contexts, Submission submission, IOptionsMonitor<MailOptions> mailOptions,
    ILogger<HeldMessageSender> logger)
{
    public async Task<SendResult> SendAsync(HeldMessage held)
    {
        var domain = mailOptions.CurrentValue.FindDomain(held.Sender.Domain);
        if (domain?.Smtp is null)
        {
            logger.LogError("A held message of {Address} cannot be sent: its domain is no longer configured", held.Sender.Address);
            return new SendResult(MailProblem.ProtocolError);
        }

        var message = MimeMessage.Load(new MemoryStream(held.Mime, writable: false));
        if (await LiveSessionAsync(held.SessionId) is { } live)
        {
            try
            {
                return await submission.SubmitAndKeepCopyAsync(domain, contexts.For(live), message, held.RepliedToId, CancellationToken.None);
            }
            catch (MailOperationException exception) when (exception.Problem == MailProblem.SessionEnded)
            {
                // Signed out this very moment: sent as below.
            }
        }

        logger.LogInformation("Sending a held message of {Address} after its session ended", held.Sender.Address);
        var detached = sessions.Detached(held.SessionId, held.Sender);
        try
        {
            return await submission.SubmitAndKeepCopyAsync(domain, contexts.For(detached), message, held.RepliedToId, CancellationToken.None);
        }
        finally
        {
            await detached.EndAsync();
        }
    }

    private async Task<UserSession?> LiveSessionAsync(string sessionId)
    {
        try
        {
            return await sessions.FindAsync(sessionId);
        }
        catch (SessionStoreUnavailableException)
        {
            return null;
        }
    }
}
