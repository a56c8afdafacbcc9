using MailKit;
using MailKit.Net.Imap;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Imap;

/// <summary>Acting on messages: download, flags, move, copy, delete, and the Sent and Drafts copies.</summary>
public sealed partial class ImapMailStore
{
    public Task<byte[]> DownloadAsync(string messageId, CancellationToken cancellationToken) =>
        RunAsync(async (_, token) =>
        {
            var (folder, uids) = await OpenForAsync(ByFolder([messageId]).Single(), token);
            using var buffer = new MemoryStream();
            try
            {
                // BODY.PEEK[]: reading leaves \Seen alone; the user's opening marks read (SessionMailbox.ReadAsync).
                using var stream = await folder.GetStreamAsync(uids[0], token);
                await stream.CopyToAsync(buffer, token);
            }
            catch (MessageNotFoundException exception)
            {
                throw new MailOperationException(MailProblem.MessageNotFound, exception);
            }

            return buffer.ToArray();
        }, cancellationToken);

    public Task<long> SizeOfAsync(string messageId, CancellationToken cancellationToken) =>
        RunAsync(async (_, token) =>
        {
            var (folder, uids) = await OpenForAsync(ByFolder([messageId]).Single(), token);
            var summary = (await folder.FetchAsync(uids, MessageSummaryItems.Size, token)).SingleOrDefault()
                ?? throw new MailOperationException(MailProblem.MessageNotFound);
            return (long)(summary.Size ?? 0);
        }, cancellationToken);

    public Task<byte[]> DownloadHeadersAsync(string messageId, CancellationToken cancellationToken) =>
        RunAsync(async (_, token) =>
        {
            var (folder, uids) = await OpenForAsync(ByFolder([messageId]).Single(), token);
            var headers = await folder.GetHeadersAsync(uids[0], token);
            using var buffer = new MemoryStream();
            await headers.WriteToAsync(buffer, token);
            buffer.Write("\r\n"u8);
            return buffer.ToArray();
        }, cancellationToken);

    public Task CopyOriginalToAsync(string messageId, Stream destination, CancellationToken cancellationToken) =>
        RunAsync(async (_, token) =>
        {
            var (folder, uids) = await OpenForAsync(ByFolder([messageId]).Single(), token);
            await CopyInPiecesAsync((offset, count) => folder.GetStreamAsync(uids[0], offset, count, token), destination, token);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<AttachmentInfo>> ListAttachmentsAsync(string messageId, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<AttachmentInfo>>(async (_, token) =>
        {
            var (_, _, parts) = await AttachmentPartsAsync(messageId, token);
            return parts.Select((part, index) => new AttachmentInfo(
                index, Rendering.SafeFileName.From(part.FileName, index), part.ContentType.MimeType, EncodedToDecodedSize(part))).ToList();
        }, cancellationToken);

    public Task CopyAttachmentToAsync(string messageId, int index, Stream destination, CancellationToken cancellationToken) =>
        RunAsync(async (_, token) =>
        {
            var (folder, uid, parts) = await AttachmentPartsAsync(messageId, token);
            var part = parts.ElementAtOrDefault(index) ?? throw new MailOperationException(MailProblem.MessageNotFound);
            MimeKit.Utils.MimeUtils.TryParse(part.ContentTransferEncoding, out MimeKit.ContentEncoding encoding);
            // The part's encoded text, decoded as it streams through.
            using var decoded = new MimeKit.IO.FilteredStream(destination);
            decoded.Add(MimeKit.IO.Filters.DecoderFilter.Create(encoding));
            await CopyInPiecesAsync((offset, count) => folder.GetStreamAsync(uid, part.PartSpecifier, offset, count, token), decoded, token);
            await decoded.FlushAsync(token);
            return true;
        }, cancellationToken);

    /// <summary>
    /// A message or one of its parts, fetched a megabyte at a time (BODY.PEEK with a range, so \Seen is left alone):
    /// however large it is, no more than a piece is held here.
    /// </summary>
    private static async Task CopyInPiecesAsync(Func<int, int, Task<Stream>> fetchPiece, Stream destination, CancellationToken cancellationToken)
    {
        const int piece = 1024 * 1024;
        for (var offset = 0; ; offset += piece)
        {
            using var stream = await fetchPiece(offset, piece);
            var copied = stream.Length;
            await stream.CopyToAsync(destination, cancellationToken);
            if (copied < piece)
            {
                return;
            }
        }
    }

    /// <summary>The parts the reading pane offers as attachments, as the renderer picks them, from BODYSTRUCTURE.</summary>
    private async Task<(IMailFolder Folder, UniqueId Uid, List<BodyPartBasic> Parts)> AttachmentPartsAsync(string messageId, CancellationToken cancellationToken)
    {
        var (folder, uids) = await OpenForAsync(ByFolder([messageId]).Single(), cancellationToken);
        var summary = (await folder.FetchAsync(uids, MessageSummaryItems.BodyStructure, cancellationToken)).SingleOrDefault()
            ?? throw new MailOperationException(MailProblem.MessageNotFound);
        return (folder, uids[0], OfferedParts(summary).ToList());
    }

    /// <summary>What the reader will offer as attachments, from BODYSTRUCTURE (the list's paperclip says the same).</summary>
    private static IEnumerable<BodyPartBasic> OfferedParts(IMessageSummary summary) =>
        summary.BodyParts.Where(part => Rendering.AttachmentRules.IsOffered(
            part.IsAttachment, part.ContentDisposition is not null, part.ContentId, part.FileName, part.ContentType.MediaType));

    private static long EncodedToDecodedSize(BodyPartBasic part) =>
        Rendering.AttachmentRules.DecodedSize((long)part.Octets, part.ContentTransferEncoding?.Equals("base64", StringComparison.OrdinalIgnoreCase) == true);

    public Task<IReadOnlyList<MovedMessage>> DeleteAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<MovedMessage>>(async (_, token) =>
        {
            var trash = await FindSpecialAsync(SpecialFolderKind.Trash, token);
            var moved = new List<MovedMessage>();
            foreach (var group in ByFolder(messageIds))
            {
                var (folder, uids) = await OpenForAsync(group, token);
                if (trash is null || trash.FullName == folder.FullName)
                {
                    await ExpungeAsync(folder, uids, token);
                }
                else
                {
                    // Without MOVE, MailKit copies, flags \Deleted and expunges just these UIDs (UIDPLUS).
                    moved.AddRange(Moved(await folder.MoveToAsync(uids, trash, token), trash, folder));
                }
            }

            return moved;
        }, cancellationToken);

    public Task SetReadAsync(IReadOnlyList<string> messageIds, bool read, CancellationToken cancellationToken) =>
        SetFlagAsync(messageIds, MessageFlags.Seen, read, cancellationToken);

    public Task SetFlaggedAsync(IReadOnlyList<string> messageIds, bool flagged, CancellationToken cancellationToken) =>
        SetFlagAsync(messageIds, MessageFlags.Flagged, flagged, cancellationToken);

    public Task SetJunkAsync(IReadOnlyList<string> messageIds, bool junk, CancellationToken cancellationToken) =>
        junk
            ? ChangeKeywordsAsync(messageIds, add: "$Junk", remove: "$NotJunk", cancellationToken)
            : ChangeKeywordsAsync(messageIds, add: "$NotJunk", remove: "$Junk", cancellationToken);

    /// <summary>RFC 3503: set when a receipt was sent, or the user declined to send one.</summary>
    public const string ReceiptHandledKeyword = "$MDNSent";

    public Task MarkReceiptHandledAsync(string messageId, CancellationToken cancellationToken) =>
        ChangeKeywordsAsync([messageId], add: ReceiptHandledKeyword, remove: null, cancellationToken);

    public Task MarkAnsweredAsync(string messageId, CancellationToken cancellationToken) =>
        SetFlagAsync([messageId], MessageFlags.Answered, true, cancellationToken);

    public Task<IReadOnlyList<MovedMessage>> MoveAsync(IReadOnlyList<string> messageIds, string targetFolder, CancellationToken cancellationToken) =>
        TransferAsync(messageIds, targetFolder, move: true, cancellationToken);

    public async Task CopyAsync(IReadOnlyList<string> messageIds, string targetFolder, CancellationToken cancellationToken) =>
        await TransferAsync(messageIds, targetFolder, move: false, cancellationToken);

    public Task<bool> AppendToSentAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken) =>
        RunAsync(async (_, token) =>
        {
            if (await FindSpecialAsync(SpecialFolderKind.Sent, token) is not { } sent)
            {
                return false;
            }

            await sent.AppendAsync(new AppendRequest(message, MessageFlags.Seen), token);
            return true;
        }, cancellationToken);

    public Task ImportAsync(string folderPath, MimeKit.MimeMessage message, CancellationToken cancellationToken) =>
        RunAsync(async (_, token) =>
        {
            var folder = await ExistingFolderAsync(folderPath, token);
            // Dated as written, so an imported message sorts among the others by its own date, not today's.
            var date = message.Date == DateTimeOffset.MinValue ? DateTimeOffset.Now : message.Date;
            await folder.AppendAsync(new AppendRequest(message, MessageFlags.Seen) { InternalDate = date }, token);
            return true;
        }, cancellationToken);

    public Task<string?> ReplaceDraftAsync(MimeKit.MimeMessage draft, string? previousId, CancellationToken cancellationToken) =>
        RunAsync<string?>(async (_, token) =>
        {
            if (await FindSpecialAsync(SpecialFolderKind.Drafts, token) is not { } drafts)
            {
                return null;
            }

            var uid = await drafts.AppendAsync(new AppendRequest(draft, MessageFlags.Draft | MessageFlags.Seen), token);
            await DeleteDraftCopyAsync(previousId, token);
            return uid is { } saved ? new ImapMessageId(drafts.FullName, saved.Validity, saved.Id).ToString() : null;
        }, cancellationToken);

    public Task DeleteDraftAsync(string draftId, CancellationToken cancellationToken) =>
        RunAsync(async (_, token) =>
        {
            await DeleteDraftCopyAsync(draftId, token);
            return true;
        }, cancellationToken);

    private async Task DeleteDraftCopyAsync(string? draftId, CancellationToken cancellationToken)
    {
        if (draftId is not null && ImapMessageId.TryParse(draftId, out var id))
        {
            var folder = await OpenFolderAsync(id.Folder, cancellationToken);
            if (folder.UidValidity == id.Validity)
            {
                await ExpungeAsync(folder, [id.UniqueId], cancellationToken);
            }
        }
    }

    private Task SetFlagAsync(IReadOnlyList<string> messageIds, MessageFlags flag, bool set, CancellationToken cancellationToken) =>
        RunAsync(async (_, token) =>
        {
            foreach (var group in ByFolder(messageIds))
            {
                var (folder, uids) = await OpenForAsync(group, token);
                if (set)
                {
                    await folder.AddFlagsAsync(uids, flag, silent: true, token);
                }
                else
                {
                    await folder.RemoveFlagsAsync(uids, flag, silent: true, token);
                }
            }

            return true;
        }, cancellationToken);

    /// <summary>Adds one keyword (and takes another away) on each message, folder by folder, as SetFlagAsync does for system flags.</summary>
    private Task ChangeKeywordsAsync(IReadOnlyList<string> messageIds, string add, string? remove, CancellationToken cancellationToken) =>
        RunAsync(async (_, token) =>
        {
            foreach (var group in ByFolder(messageIds))
            {
                var (folder, uids) = await OpenForAsync(group, token);
                await folder.StoreAsync(uids, new StoreFlagsRequest(StoreAction.Add, new HashSet<string> { add }) { Silent = true }, token);
                if (remove is not null)
                {
                    await folder.StoreAsync(uids, new StoreFlagsRequest(StoreAction.Remove, new HashSet<string> { remove }) { Silent = true }, token);
                }
            }

            return true;
        }, cancellationToken);

    private Task<IReadOnlyList<MovedMessage>> TransferAsync(IReadOnlyList<string> messageIds, string targetFolder, bool move, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<MovedMessage>>(async (client, token) =>
        {
            var target = await ExistingFolderAsync(targetFolder, token);
            var moved = new List<MovedMessage>();
            foreach (var group in ByFolder(messageIds).Where(g => g.Key != ImapMessageId.PathOf(target.FullName) || !move))
            {
                var (folder, uids) = await OpenForAsync(group, token);
                if (move)
                {
                    moved.AddRange(Moved(await folder.MoveToAsync(uids, target, token), target, folder));
                }
                else
                {
                    await folder.CopyToAsync(uids, target, token);
                }
            }

            return moved;
        }, cancellationToken);

    /// <summary>Where the server says the messages went (COPYUID), so an undo can bring them back; empty when it does not say.</summary>
    /// <remarks>Enumerated, never indexed (LINQ's Select would index it): a <see cref="UniqueIdSet"/>'s indexer walks its ranges.</remarks>
    private static IEnumerable<MovedMessage> Moved(UniqueIdMap map, IMailFolder target, IMailFolder source)
    {
        foreach (var uid in (IEnumerable<UniqueId>)map.Destination)
        {
            yield return new MovedMessage(ImapMessageId.In(target.FullName, uid).ToString(), ImapMessageId.PathOf(source.FullName));
        }
    }

    private static async Task ExpungeAsync(IMailFolder folder, IList<UniqueId> uids, CancellationToken cancellationToken)
    {
        await folder.AddFlagsAsync(uids, MessageFlags.Deleted, silent: true, cancellationToken);
        // UID EXPUNGE (UIDPLUS) removes only these; a plain EXPUNGE would also take what another client marked.
        await folder.ExpungeAsync(uids, cancellationToken);
    }

    /// <summary>The account's folder for <paramref name="kind"/>: by SPECIAL-USE where the server has it, else by its usual name.</summary>
    private async Task<IMailFolder?> FindSpecialAsync(SpecialFolderKind kind, CancellationToken cancellationToken)
    {
        if (Client.Capabilities.HasFlag(ImapCapabilities.SpecialUse) && SpecialFolderOf(kind) is { } special
            && Client.GetFolder(special) is { } folder)
        {
            return folder;
        }

        var personal = Client.GetFolder(Client.PersonalNamespaces[0]);
        var topLevel = await personal.GetSubfoldersAsync(false, cancellationToken);
        return ImapFolderTree.KindsOf([.. topLevel]).FirstOrDefault(p => p.Value == kind).Key;
    }

    private static SpecialFolder? SpecialFolderOf(SpecialFolderKind kind) => kind switch
    {
        SpecialFolderKind.Drafts => SpecialFolder.Drafts,
        SpecialFolderKind.Sent => SpecialFolder.Sent,
        SpecialFolderKind.Archive => SpecialFolder.Archive,
        SpecialFolderKind.Junk => SpecialFolder.Junk,
        SpecialFolderKind.Trash => SpecialFolder.Trash,
        _ => null,
    };
}
