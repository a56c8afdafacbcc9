using System.Security.Cryptography;
using WebMail.Client.Services;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Mail.Drafts;

/// <summary>
/// A session's latest draft in the shared store (Redis, with several instances), so another instance taking the
/// session over finds it (its other drafts are in the Drafts folder). Attachments are stored apart and once each: saving the text after every pause in typing sends the
/// text, not the files again. In process (one instance) there is nothing to share.
/// </summary>
/// <exception cref="SessionStoreUnavailableException">From every method: the shared store cannot be reached.</exception>
public sealed class SharedDrafts(ISharedSessionRecords records)
{
    public async Task SaveAsync(UserSession session, SessionDraft kept, CancellationToken cancellationToken)
    {
        if (!records.IsShared)
        {
            return;
        }

        if (kept.Message is not { } draft)
        {
            await records.SaveDraftAsync(session.Id, session.CreatedAt, null, cancellationToken);
            await ForgetFilesAsync(session, kept, [.. kept.SharedFileIds], cancellationToken);
            return;
        }

        var fileIds = new List<string>();
        foreach (var attachment in draft.Attachments)
        {
            if (!kept.TryGetSharedFileId(attachment.Content, out var fileId))
            {
                fileId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
                await records.SaveDraftFileAsync(session.Id, session.CreatedAt, fileId, attachment.Content, cancellationToken);
                kept.RememberSharedFile(attachment.Content, fileId);
            }

            fileIds.Add(fileId);
        }

        var withoutContents = draft with { Attachments = [.. draft.Attachments.Select(a => a with { Content = [] })] };
        await records.SaveDraftAsync(session.Id, session.CreatedAt, new DraftRecord(withoutContents, kept.CopyId, fileIds), cancellationToken);
        await ForgetFilesAsync(session, kept, [.. kept.SharedFileIds.Except(fileIds)], cancellationToken);
    }

    /// <summary>The draft another instance shared, with its attachments; one whose file has expired is left out.</summary>
    public async Task<DraftRecord?> FindAsync(UserSession session, SessionDraft kept, CancellationToken cancellationToken)
    {
        var record = await records.FindDraftAsync(session.Id, cancellationToken);
        if (record?.FileIds is not { } fileIds)
        {
            return record;
        }

        var attachments = new List<OutgoingAttachment>();
        foreach (var (attachment, fileId) in record.Message.Attachments.Zip(fileIds))
        {
            if (await records.FindDraftFileAsync(session.Id, fileId, cancellationToken) is { } content)
            {
                attachments.Add(attachment with { Content = content });
                kept.RememberSharedFile(content, fileId);
            }
        }

        return record with { Message = record.Message with { Attachments = attachments } };
    }

    /// <summary>A draft no longer the shared one (discarded, or another was saved since): its files go from the store.</summary>
    public Task ForgetFilesOfAsync(UserSession session, SessionDraft draft, CancellationToken cancellationToken) =>
        records.IsShared ? ForgetFilesAsync(session, draft, [.. draft.SharedFileIds], cancellationToken) : Task.CompletedTask;

    private async Task ForgetFilesAsync(UserSession session, SessionDraft kept, IReadOnlyCollection<string> fileIds, CancellationToken cancellationToken)
    {
        if (fileIds.Count == 0)
        {
            return;
        }

        await records.RemoveDraftFilesAsync(session.Id, fileIds, cancellationToken);
        kept.SharedFileIds.ExceptWith(fileIds);
    }
}
