using Microsoft.AspNetCore.Components.Authorization;
using WebMail.Client.Services;
using WebMail.Server.Mail.Sessions;
using WebMail.Server.Mail.Smtp;

namespace WebMail.Server.Mail.Drafts;

/// <summary>
/// The draft of the circuit's signed-in user: kept in the session (what the form restores), shared through the
/// session store when several instances run, and copied into the IMAP Drafts folder for the user's other devices.
/// </summary>
public sealed class DraftService(
    CurrentMailbox current, AuthenticationStateProvider authentication, SharedDrafts shared, KeptDrafts keptDrafts, ILogger<DraftService> logger)
    : IDraftService
{
    public Task SaveAsync(OutgoingMessage draft, CancellationToken cancellationToken = default) =>
        OneAtATimeAsync((mailbox, token) => SaveAsync(mailbox, draft, token), cancellationToken);

    public Task<OutgoingMessage?> GetAsync(CancellationToken cancellationToken = default) =>
        OneAtATimeAsync(GetAsync, cancellationToken);

    public Task<OutgoingMessage> OpenAsync(string messageId, CancellationToken cancellationToken = default) =>
        OneAtATimeAsync(async (mailbox, token) =>
        {
            var draft = DraftReader.Read(await mailbox.OpenAsync(messageId, token));
            var kept = mailbox.Draft;
            (kept.Message, kept.CopyId) = (draft, messageId);
            await ShareAsync(mailbox, token);
            return draft;
        }, cancellationToken);

    public Task DiscardAsync(CancellationToken cancellationToken = default) =>
        OneAtATimeAsync(DiscardAsync, cancellationToken);

    /// <summary>Two tabs of one session autosaving at once must not interleave their copies and shared files.</summary>
    private async Task<T> OneAtATimeAsync<T>(Func<SessionMailbox, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var mailbox = await current.ForAsync(authentication);
        await mailbox.Draft.Gate.WaitAsync(cancellationToken);
        try
        {
            return await work(mailbox, cancellationToken);
        }
        finally
        {
            mailbox.Draft.Gate.Release();
        }
    }

    private Task OneAtATimeAsync(Func<SessionMailbox, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        OneAtATimeAsync<bool>(async (mailbox, token) =>
        {
            await work(mailbox, token);
            return true;
        }, cancellationToken);

    private async Task SaveAsync(SessionMailbox mailbox, OutgoingMessage draft, CancellationToken cancellationToken)
    {
        var kept = mailbox.Draft;
        if (DraftChanges.AreSame(kept.Message, draft))
        {
            return;
        }

        kept.Message = draft;
        try
        {
            // The server copy is a convenience (other devices see it); the session copy is what the form restores.
            var copy = OutgoingMessageBuilder.BuildDraft(mailbox.Session.Address, draft);
            kept.CopyId = await mailbox.Store.ReplaceDraftAsync(copy, kept.CopyId, cancellationToken) ?? kept.CopyId;
            mailbox.FolderGrew(SpecialFolderKind.Drafts);
        }
        catch (MailOperationException exception)
        {
            logger.LogInformation("Draft of {Address} kept in the session only: {Problem}", mailbox.Session.Address, exception.Problem);
        }

        await ShareAsync(mailbox, cancellationToken);
        if (KeptDrafts.Applies(mailbox.Session))
        {
            await keptDrafts.SaveAsync(mailbox.Session, draft, cancellationToken);
        }
    }

    private async Task<OutgoingMessage?> GetAsync(SessionMailbox mailbox, CancellationToken cancellationToken)
    {
        var kept = mailbox.Draft;
        if (kept.Message is null && !kept.SharedLoaded)
        {
            // A session taken over from an instance that went away: its draft is in the shared store.
            kept.SharedLoaded = true;
            try
            {
                if (await shared.FindAsync(mailbox.Session, kept, cancellationToken) is { } found)
                {
                    kept.Message = found.Message;
                    kept.CopyId = found.CopyId;
                }
            }
            catch (SessionStoreUnavailableException exception)
            {
                kept.SharedLoaded = false;
                logger.LogWarning("Shared draft of {Address} not read: {Problem}", mailbox.Session.Address, exception.InnerException?.Message);
            }
        }

        if (kept.Message is null && !kept.KeptLoaded && KeptDrafts.Applies(mailbox.Session))
        {
            // A POP3 user's draft from an earlier sign-in (there is no Drafts folder to find it in).
            kept.KeptLoaded = true;
            kept.Message = await keptDrafts.FindAsync(mailbox.Session, cancellationToken);
        }

        return kept.Message;
    }

    private async Task DiscardAsync(SessionMailbox mailbox, CancellationToken cancellationToken)
    {
        var kept = mailbox.Draft;
        kept.Message = null;
        await ShareAsync(mailbox, cancellationToken);
        if (KeptDrafts.Applies(mailbox.Session))
        {
            await keptDrafts.SaveAsync(mailbox.Session, null, cancellationToken);
        }
        if (kept.CopyId is { } copyId)
        {
            kept.CopyId = null;
            try
            {
                await mailbox.Store.DeleteDraftAsync(copyId, cancellationToken);
            }
            catch (MailOperationException exception)
            {
                logger.LogInformation("Draft copy of {Address} not removed: {Problem}", mailbox.Session.Address, exception.Problem);
            }
        }
    }

    /// <summary>Keeps the draft where another instance finds it (with Redis); this session's own copy is unaffected by failure.</summary>
    private async Task ShareAsync(SessionMailbox mailbox, CancellationToken cancellationToken)
    {
        try
        {
            await shared.SaveAsync(mailbox.Session, mailbox.Draft, cancellationToken);
            mailbox.Draft.SharedLoaded = true;
        }
        catch (SessionStoreUnavailableException exception)
        {
            logger.LogWarning("Draft of {Address} not shared: {Problem}", mailbox.Session.Address, exception.InnerException?.Message);
        }
    }
}
