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
        return await AsUserAsync(held, "Sending", mailbox =>
            submission.SubmitAndKeepCopyAsync(domain, mailbox, message, held.RepliedToId, CancellationToken.None));
    }

    /// <summary>
    /// Puts a message that could not be sent into the user's Drafts folder, as that user; its id there, or null when
    /// it could not be (POP3 has no Drafts folder; a changed password, a server down). Bounded: a minute.
    /// </summary>
    public async Task<string?> KeepAsDraftAsync(HeldMessage held)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var message = MimeMessage.Load(new MemoryStream(held.Mime, writable: false));
        try
        {
            return await AsUserAsync(held, "Keeping as a draft", async mailbox =>
            {
                var id = await mailbox.Store.ReplaceDraftAsync(message, null, timeout.Token);
                mailbox.FolderGrew(SpecialFolderKind.Drafts);
                return id;
            });
        }
        catch (Exception exception) when (exception is MailOperationException or OperationCanceledException)
        {
            logger.LogInformation("A scheduled message of {Address} that failed was not put into Drafts: {ExceptionType}", held.Sender.Address, exception.GetType().Name);
            return null;
        }
    }

    /// <summary>
    /// Does <paramref name="work"/> through the session that wrote the message when it is still signed in (its lists
    /// learn of what changed), otherwise (or when it signs out this very moment) as that user, from the record kept
    /// with the message.
    /// </summary>
    private async Task<T> AsUserAsync<T>(HeldMessage held, string purpose, Func<Sessions.SessionMailbox, Task<T>> work)
    {
        if (await LiveSessionAsync(held.SessionId) is { } live)
        {
            try
            {
                return await work(contexts.For(live));
            }
            catch (MailOperationException exception) when (exception.Problem == MailProblem.SessionEnded)
            {
                // Signed out this very moment: done as below.
            }
        }

        logger.LogInformation("{Purpose}: a held message of {Address}, as its user after its session ended", purpose, held.Sender.Address);
        var detached = sessions.Detached(held.SessionId, held.Sender);
        try
        {
            return await work(contexts.For(detached));
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
