using Microsoft.AspNetCore.Components.Authorization;
using WebMail.Client.Services;
using WebMail.Server.Mail.Sessions;
using WebMail.Server.Mail.Smtp;

namespace WebMail.Server.Mail.Drafts;

/// <summary>
/// The drafts of the circuit's signed-in user: kept in the session (what the form restores), the latest shared
/// through the session store when several instances run, each copied into the IMAP Drafts folder for the user's
/// other devices, and a POP3 user's kept in the user data database.
/// </summary>
public sealed class DraftService(
    CurrentMailbox current, AuthenticationStateProvider authentication, SharedDrafts shared, KeptDrafts keptDrafts, ILogger<DraftService> logger)
    : IDraftService
{
    public Task<DraftRef> SaveAsync(DraftRef? of, OutgoingMessage draft, CancellationToken cancellationToken = default) =>
        OneAtATimeAsync((mailbox, token) => SaveAsync(mailbox, of, draft, token), cancellationToken);

    public Task<SessionDraftCopy?> GetAsync(CancellationToken cancellationToken = default) =>
        OneAtATimeAsync(async (mailbox, token) =>
        {
            await LoadAsync(mailbox, token);
            return mailbox.Drafts.Latest is { Message: { } message } latest ? new SessionDraftCopy(latest.Ref, message) : null;
        }, cancellationToken);

    public Task<SessionDraftCopy> OpenAsync(string messageId, CancellationToken cancellationToken = default) =>
        OneAtATimeAsync(async (mailbox, token) =>
        {
            var message = DraftReader.Read(await mailbox.OpenAsync(messageId, token));
            // Opened again (a reload of its page): the same draft, not a second one writing the same copy.
            var draft = mailbox.Drafts.FindCopy(messageId) ?? mailbox.Drafts.Add(copyId: messageId);
            draft.Message = message;
            return new SessionDraftCopy(draft.Ref, message);
        }, cancellationToken);

    public Task DiscardAsync(DraftRef? of, CancellationToken cancellationToken = default) =>
        of is null ? Task.CompletedTask : OneAtATimeAsync((mailbox, token) => DiscardAsync(mailbox, of, token), cancellationToken);

    /// <summary>Two tabs of one session autosaving at once must not interleave their copies and shared files.</summary>
    private async Task<T> OneAtATimeAsync<T>(Func<SessionMailbox, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var mailbox = await current.ForAsync(authentication);
        await mailbox.Drafts.Gate.WaitAsync(cancellationToken);
        try
        {
            return await work(mailbox, cancellationToken);
        }
        finally
        {
            mailbox.Drafts.Gate.Release();
        }
    }

    private Task OneAtATimeAsync(Func<SessionMailbox, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        OneAtATimeAsync<bool>(async (mailbox, token) =>
        {
            await work(mailbox, token);
            return true;
        }, cancellationToken);

    private async Task<DraftRef> SaveAsync(SessionMailbox mailbox, DraftRef? of, OutgoingMessage message, CancellationToken cancellationToken)
    {
        await LoadAsync(mailbox, cancellationToken);
        var drafts = mailbox.Drafts;
        var draft = of is null ? null : drafts.Find(of.Key);
        if (draft is not null && draft.Version != of!.Version)
        {
            // Another page saved this draft since this one did (two tabs on one draft): kept beside it, not over it.
            draft = null;
        }

        if (draft is not null && DraftChanges.AreSame(draft.Message, message))
        {
            return draft.Ref;
        }

        draft ??= drafts.Add();
        draft.Message = message;
        drafts.Saved(draft);
        try
        {
            // The server copy is a convenience (other devices see it); the session copy is what the form restores.
            var copy = OutgoingMessageBuilder.BuildDraft(mailbox.Session.Address, message);
            draft.CopyId = await mailbox.Store.ReplaceDraftAsync(copy, draft.CopyId, cancellationToken) ?? draft.CopyId;
            mailbox.FolderGrew(SpecialFolderKind.Drafts);
        }
        catch (MailOperationException exception)
        {
            logger.LogInformation("Draft of {Address} kept in the session only: {Problem}", mailbox.Session.Address, exception.Problem);
        }

        await ShareAsync(mailbox, cancellationToken);
        await KeepAsync(mailbox, cancellationToken);
        return draft.Ref;
    }

    /// <summary>
    /// Once per session: the draft a session taken over from an instance that went away shared (Redis), and a POP3
    /// user's drafts from earlier sign-ins (there is no Drafts folder to find them in).
    /// </summary>
    private async Task LoadAsync(SessionMailbox mailbox, CancellationToken cancellationToken)
    {
        var drafts = mailbox.Drafts;
        if (!drafts.SharedLoaded)
        {
            drafts.SharedLoaded = true;
            var taken = drafts.Add();
            try
            {
                if (await shared.FindAsync(mailbox.Session, taken, cancellationToken) is { } found
                    && !drafts.All.Any(d => d != taken && d.CopyId is not null && d.CopyId == found.CopyId))
                {
                    (taken.Message, taken.CopyId) = (found.Message, found.CopyId);
                    drafts.SharedKey = taken.Key;
                }
                else
                {
                    drafts.Remove(taken);
                }
            }
            catch (SessionStoreUnavailableException exception)
            {
                drafts.Remove(taken);
                drafts.SharedLoaded = false;
                logger.LogWarning("Shared draft of {Address} not read: {Problem}", mailbox.Session.Address, exception.InnerException?.Message);
            }
        }

        if (!drafts.KeptLoaded && KeptDrafts.Applies(mailbox.Session))
        {
            drafts.KeptLoaded = true;
            foreach (var message in await keptDrafts.FindAsync(mailbox.Session, cancellationToken))
            {
                drafts.Add(message);
            }
        }
    }

    private async Task DiscardAsync(SessionMailbox mailbox, DraftRef of, CancellationToken cancellationToken)
    {
        if (mailbox.Drafts.Find(of.Key) is not { } draft)
        {
            return;
        }

        mailbox.Drafts.Remove(draft);
        await ShareAsync(mailbox, cancellationToken, discarded: draft);
        await KeepAsync(mailbox, cancellationToken);
        if (draft.CopyId is { } copyId)
        {
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

    /// <summary>
    /// Keeps the latest draft where another instance finds it (with Redis; the others are in the Drafts folder); this
    /// session's own drafts are unaffected by failure.
    /// </summary>
    private async Task ShareAsync(SessionMailbox mailbox, CancellationToken cancellationToken, SessionDraft? discarded = null)
    {
        var drafts = mailbox.Drafts;
        var latest = drafts.Latest;
        try
        {
            var before = drafts.SharedKey is { } key && key != latest?.Key ? drafts.Find(key) ?? discarded : null;
            await shared.SaveAsync(mailbox.Session, latest ?? new SessionDraft(""), cancellationToken);
            drafts.SharedKey = latest?.Key;
            drafts.SharedLoaded = true;
            if (before is not null)
            {
                await shared.ForgetFilesOfAsync(mailbox.Session, before, cancellationToken);
            }
        }
        catch (SessionStoreUnavailableException exception)
        {
            logger.LogWarning("Draft of {Address} not shared: {Problem}", mailbox.Session.Address, exception.InnerException?.Message);
        }
    }

    /// <summary>A POP3 user's drafts, kept beyond the session.</summary>
    private Task KeepAsync(SessionMailbox mailbox, CancellationToken cancellationToken) =>
        KeptDrafts.Applies(mailbox.Session)
            ? keptDrafts.SaveAsync(mailbox.Session, [.. mailbox.Drafts.All.Where(d => d.Message is not null).OrderBy(d => d.SavedAt).Select(d => d.Message!)], cancellationToken)
            : Task.CompletedTask;
}
