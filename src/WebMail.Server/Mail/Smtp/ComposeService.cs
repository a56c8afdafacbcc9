using MailKit.Net.Smtp;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using WebMail.Client;
using WebMail.Client.Services;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Diagnostics;
using WebMail.Server.Mail.Options;

namespace WebMail.Server.Mail.Smtp;

/// <summary>Sends as the user of this circuit through their domain's submission server, authenticated as them.</summary>
public sealed class ComposeService(
    CurrentMailSession current,
    AuthenticationStateProvider authentication,
    Sessions.UserSessionStore sessions,
    MailClientFactory clients,
    IOptionsMonitor<MailOptions> mailOptions,
    IOptionsMonitor<ComposeOptions> composeOptions,
    IStringLocalizer<UiText> text,
    Outbox outbox,
    WebMailMetrics metrics,
    ILogger<ComposeService> logger) : IComposeService
{
    public long MaxAttachmentBytes => composeOptions.CurrentValue.MaxAttachmentBytes;

    public long MaxAttachmentBytesPerFile => Math.Min(composeOptions.CurrentValue.MaxAttachmentBytesPerFile ?? long.MaxValue, MaxAttachmentBytes);

    public AddressCheck CheckAddresses(string field) => AddressParser.Check(field);

    public async Task<IReadOnlyList<string>> SuggestAddressesAsync(CancellationToken cancellationToken = default) =>
        (await current.ForAsync(authentication)).KnownAddresses();

    public async Task<OutgoingMessage> PrepareAsync(ComposeMode mode, string messageId, CancellationToken cancellationToken = default)
    {
        var context = await current.ForAsync(authentication);
        var original = await context.OpenAsync(messageId, cancellationToken);
        return ReplyBuilder.Build(mode, original, context.Session.Address, text["Compose_QuoteHeader"]);
    }

    public async Task<SendResult> SendAsync(OutgoingMessage outgoing, CancellationToken cancellationToken = default)
    {
        var (to, badTo) = AddressParser.Parse(outgoing.To);
        var (cc, badCc) = AddressParser.Parse(outgoing.Cc);
        var (bcc, badBcc) = AddressParser.Parse(outgoing.Bcc);
        var invalid = badTo.Concat(badCc).Concat(badBcc).ToList();
        if (invalid.Count > 0)
        {
            return new SendResult(SendProblem.InvalidAddresses, string.Join(", ", invalid));
        }

        if (to.Count + cc.Count + bcc.Count == 0)
        {
            return new SendResult(SendProblem.NoRecipients);
        }

        if (outgoing.Attachments.Sum(a => (long)a.Content.Length) > MaxAttachmentBytes
            || outgoing.Attachments.Any(a => a.Content.Length > MaxAttachmentBytesPerFile))
        {
            return new SendResult(SendProblem.TooLarge);
        }

        Sessions.MailSessionContext context;
        try
        {
            context = await current.ForAsync(authentication);
        }
        catch (MailOperationException)
        {
            return new SendResult(SendProblem.SessionEnded);
        }

        var session = context.Session;
        var domain = mailOptions.CurrentValue.FindDomain(session.Domain);
        if (domain?.Smtp is null)
        {
            return new SendResult(SendProblem.ServerError);
        }

        var message = OutgoingMessageBuilder.Build(session.Address, outgoing, to, cc, bcc);
        context.RememberAddresses(to.Concat(cc).Concat(bcc).Select(m => m.ToString()));
        var delay = composeOptions.CurrentValue.UndoSendDelay;
        if (delay <= TimeSpan.Zero)
        {
            return await SubmitAndKeepCopyAsync(domain, context, message, outgoing.RepliedToId, cancellationToken);
        }

        // Not the caller's token: once queued, the message goes out even if the page that sent it is gone.
        var pendingId = outbox.Schedule(session.Id, delay, () => SubmitAndKeepCopyAsync(domain, context, message, outgoing.RepliedToId, CancellationToken.None));
        return new SendResult(SendProblem.None) { PendingId = pendingId, UndoWindow = delay };
    }

    public async Task SaveDraftAsync(OutgoingMessage draft, CancellationToken cancellationToken = default)
    {
        var context = await current.ForAsync(authentication);
        context.Draft = draft;
        try
        {
            // The server copy is a convenience (other devices see it); the session copy is what the form restores.
            var copy = OutgoingMessageBuilder.BuildDraft(context.Session.Address, draft);
            context.DraftCopyId = await context.Store.ReplaceDraftAsync(copy, context.DraftCopyId, cancellationToken) ?? context.DraftCopyId;
            context.FolderGrew(SpecialFolderKind.Drafts);
        }
        catch (MailOperationException exception)
        {
            logger.LogInformation("Draft of {Address} kept in the session only: {Problem}", context.Session.Address, exception.Problem);
        }

        await ShareDraftAsync(context, new Sessions.DraftRecord(draft, context.DraftCopyId), cancellationToken);
    }

    public async Task<OutgoingMessage?> GetDraftAsync(CancellationToken cancellationToken = default)
    {
        var context = await current.ForAsync(authentication);
        if (context.Draft is null && !context.SharedDraftLoaded)
        {
            // A session taken over from an instance that went away: its draft is in the shared store.
            context.SharedDraftLoaded = true;
            try
            {
                if (await sessions.FindDraftAsync(context.Session, cancellationToken) is { } shared)
                {
                    context.Draft = shared.Message;
                    context.DraftCopyId = shared.CopyId;
                }
            }
            catch (Sessions.SessionStoreUnavailableException exception)
            {
                context.SharedDraftLoaded = false;
                logger.LogWarning("Shared draft of {Address} not read: {Problem}", context.Session.Address, exception.InnerException?.Message);
            }
        }

        return context.Draft;
    }

    public async Task DiscardDraftAsync(CancellationToken cancellationToken = default)
    {
        var context = await current.ForAsync(authentication);
        context.Draft = null;
        await ShareDraftAsync(context, null, cancellationToken);
        if (context.DraftCopyId is { } copyId)
        {
            context.DraftCopyId = null;
            try
            {
                await context.Store.DeleteDraftAsync(copyId, cancellationToken);
            }
            catch (MailOperationException exception)
            {
                logger.LogInformation("Draft copy of {Address} not removed: {Problem}", context.Session.Address, exception.Problem);
            }
        }
    }

    /// <summary>Keeps the draft where another instance finds it (with Redis); this session's own copy is unaffected by failure.</summary>
    private async Task ShareDraftAsync(Sessions.MailSessionContext context, Sessions.DraftRecord? draft, CancellationToken cancellationToken)
    {
        try
        {
            await sessions.SaveDraftAsync(context.Session, draft, cancellationToken);
            context.SharedDraftLoaded = true;
        }
        catch (Sessions.SessionStoreUnavailableException exception)
        {
            logger.LogWarning("Draft of {Address} not shared: {Problem}", context.Session.Address, exception.InnerException?.Message);
        }
    }

    public async Task<SendResult> CompleteAsync(string pendingId, CancellationToken cancellationToken = default)
    {
        var session = (await current.ForAsync(authentication)).Session;
        var completion = outbox.Find(pendingId, session.Id);
        return completion is null ? new SendResult(SendProblem.ServerError) : await completion.WaitAsync(cancellationToken);
    }

    public async Task<bool> UndoAsync(string pendingId)
    {
        var session = (await current.ForAsync(authentication)).Session;
        return outbox.TryUndo(pendingId, session.Id);
    }

    private async Task<SendResult> SubmitAndKeepCopyAsync(
        MailDomainOptions domain, Sessions.MailSessionContext context, MimeMessage message, string? repliedToId, CancellationToken cancellationToken)
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

    private async Task<SendResult> SubmitAsync(MailDomainOptions domain, Sessions.UserSession session, MimeMessage message, CancellationToken cancellationToken)
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
            return new SendResult(SendProblem.None);
        }
        catch (SmtpCommandException exception) when (exception.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            return new SendResult(SendProblem.RecipientRefused, $"{exception.Mailbox?.Address}: {(int)exception.StatusCode} {exception.Message}");
        }
        catch (SmtpCommandException exception) when (exception.StatusCode == SmtpStatusCode.ExceededStorageAllocation)
        {
            return new SendResult(SendProblem.TooLarge, $"{(int)exception.StatusCode} {exception.Message}");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var problem = timeout.IsCancellationRequested && !session.IsEnded ? MailProblem.Timeout : MailProblemClassifier.Classify(exception);
            logger.LogWarning("Sending for {Address} failed: {Problem} ({ExceptionType})", session.Address, problem, exception.GetType().Name);
            return new SendResult(session.IsEnded ? SendProblem.SessionEnded : problem switch
            {
                MailProblem.AuthenticationFailed => SendProblem.AuthenticationFailed,
                MailProblem.Unreachable => SendProblem.Unreachable,
                MailProblem.Timeout => SendProblem.Timeout,
                MailProblem.CertificateNotTrusted => SendProblem.CertificateNotTrusted,
                _ => SendProblem.ServerError,
            });
        }
    }
}
