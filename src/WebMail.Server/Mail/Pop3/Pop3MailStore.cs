using MailKit.Net.Pop3;
using MimeKit;
using WebMail.Client.Services;
using WebMail.Server.Mail.Caching;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Rendering;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Mail.Pop3;

/// <summary>
/// The inbox over POP3 (the only mailbox POP3 has). POP3 locks the maildrop while connected, so every operation connects, does its work
/// and QUITs at once. Messages are named by UIDL, never by their (shifting) sequence number. Listing sends
/// UIDL, then TOP n 0 (pipelined by MailKit) only for messages of the page whose headers it has not seen yet.
/// POP3 has no read flags: what the user opened in this session counts as read.
/// </summary>
public sealed class Pop3MailStore(
    UserSession session, MailDomainOptions domain, MailClientFactory clients, MailServerCalls calls, SessionCache cache) : IMailStore
{
    private readonly MailOperationRunner _runner = new(
        session, new MailCallTarget("pop3", "read", domain.Pop3!, session.Address, session.Ended), calls);
    // POP3 has no flags on the server: what the user opened in this session is what counts as read.
    private readonly HashSet<string> _opened = new(StringComparer.Ordinal);

    public MailboxFeatures Features => MailboxFeatures.Pop3;

    // Keeps no connection between operations: POP3 locks the maildrop while connected.
    public bool TakeOver(MailKit.IMailService signedIn) => false;

    public Task<MessagePage> ListAsync(MessageQuery query, CancellationToken cancellationToken) =>
        RunAsync(async (client, token) =>
        {
            var uids = await client.GetMessageUidsAsync(token);
            // The maildrop lists oldest first; the usual view wants the newest first.
            var newestFirst = Enumerable.Range(0, uids.Count).Reverse().ToList();
            var plain = query.IsPlainView;
            var wanted = plain ? newestFirst.Skip(query.PageIndex * query.PageSize).Take(query.PageSize).ToList() : newestFirst.Take(HeaderSearch.MaxScannedMessages).ToList();
            await LoadHeadersAsync(client, uids, wanted, token);

            List<MessageSummary> matches;
            lock (_opened)
            {
                matches = wanted.Select(i => cache.TryGetSummary(uids[i], out var summary) ? summary with { IsRead = _opened.Contains(uids[i]) } : null)
                    .OfType<MessageSummary>().ToList();
            }

            return plain
                ? new MessagePage(matches, uids.Count, query.PageIndex, query.PageSize)
                : HeaderSearch.Page(matches, query);
        }, cancellationToken);

    /// <summary>POP3 has no quota command: the bar is not shown.</summary>
    public Task<MailboxQuota?> GetQuotaAsync(CancellationToken cancellationToken) => Task.FromResult<MailboxQuota?>(null);

    public Task<IReadOnlyList<MailFolder>> ListFoldersAsync(CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<MailFolder>>(async (client, token) =>
        {
            var count = await client.GetMessageCountAsync(token);
            return [new MailFolder(MailFolder.InboxPath, MailFolder.InboxPath, 0, SpecialFolderKind.Inbox, 0, count, true)];
        }, cancellationToken);

    /// <summary>TOP n 0 (pipelined by MailKit) for the messages among <paramref name="indexes"/> whose headers this session has not seen.</summary>
    private async Task LoadHeadersAsync(Pop3Client client, IList<string> uids, List<int> indexes, CancellationToken cancellationToken)
    {
        var missing = indexes.Where(i => !cache.TryGetSummary(uids[i], out _)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var headers = await client.GetMessageHeadersAsync(missing, cancellationToken);
        var sizes = await client.GetMessageSizesAsync(cancellationToken);
        for (var k = 0; k < missing.Count; k++)
        {
            cache.AddSummary(ToSummary(uids[missing[k]], headers[k], sizes[missing[k]]));
        }
    }

    public Task<byte[]> DownloadAsync(string messageId, CancellationToken cancellationToken) =>
        RunAsync(async (client, token) =>
        {
            var index = await IndexOfAsync(client, messageId, token);
            using var buffer = new MemoryStream();
            using (var stream = await client.GetStreamAsync(index, headersOnly: false, token))
            {
                await stream.CopyToAsync(buffer, token);
            }

            // Read only when the user opens it (SessionMailbox.ReadAsync), as over IMAP.
            return buffer.ToArray();
        }, cancellationToken);

    public Task<long> SizeOfAsync(string messageId, CancellationToken cancellationToken) =>
        RunAsync(async (client, token) => (long)await client.GetMessageSizeAsync(await IndexOfAsync(client, messageId, token), token), cancellationToken);

    public Task<byte[]> DownloadHeadersAsync(string messageId, CancellationToken cancellationToken) =>
        RunAsync(async (client, token) =>
        {
            using var stream = await client.GetStreamAsync(await IndexOfAsync(client, messageId, token), headersOnly: true, token);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, token);
            return buffer.ToArray();
        }, cancellationToken);

    public Task CopyOriginalToAsync(string messageId, Stream destination, CancellationToken cancellationToken) =>
        RunAsync(async (client, token) =>
        {
            using var stream = await client.GetStreamAsync(await IndexOfAsync(client, messageId, token), headersOnly: false, token);
            await stream.CopyToAsync(destination, token);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<AttachmentInfo>> ListAttachmentsAsync(string messageId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AttachmentInfo>>([]);

    public Task CopyAttachmentToAsync(string messageId, int index, Stream destination, CancellationToken cancellationToken) =>
        throw new MailOperationException(MailProblem.MessageNotFound);

    public Task<IReadOnlyList<MovedMessage>> DeleteAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<MovedMessage>>(async (client, token) =>
        {
            var uids = await client.GetMessageUidsAsync(token);
            var indexes = messageIds.Select(id => uids.IndexOf(id)).ToList();
            if (indexes.Any(i => i < 0))
            {
                throw new MailOperationException(MailProblem.MessageNotFound);
            }

            // Marked now, gone at QUIT: the maildrop keeps everything the user did not delete explicitly.
            await client.DeleteMessagesAsync(indexes, token);

            // Gone at QUIT: there is nothing to bring back.
            return [];
        }, cancellationToken);

    public Task SetReadAsync(IReadOnlyList<string> messageIds, bool read, CancellationToken cancellationToken)
    {
        // No flags on a POP3 server: the mark lives in this session only. Not behind the runner's gate (no server
        // work), so it takes its own lock against a listing in progress.
        lock (_opened)
        {
            foreach (var id in messageIds)
            {
                if (read)
                {
                    _opened.Add(id);
                }
                else
                {
                    _opened.Remove(id);
                }
            }
        }

        return Task.CompletedTask;
    }

    // POP3 has no flags, one mailbox and no folders: the UI offers none of these (MailboxFeatures.Pop3).
    public Task SetFlaggedAsync(IReadOnlyList<string> messageIds, bool flagged, CancellationToken cancellationToken) => throw NotOverPop3();

    /// <summary>POP3 keeps no flags: the session remembers it (<see cref="Sessions.SessionMailbox"/>).</summary>
    public Task MarkReceiptHandledAsync(string messageId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetJunkAsync(IReadOnlyList<string> messageIds, bool junk, CancellationToken cancellationToken) => throw NotOverPop3();

    public Task<IReadOnlyList<MovedMessage>> MoveAsync(IReadOnlyList<string> messageIds, string targetFolder, CancellationToken cancellationToken) => throw NotOverPop3();

    public Task CopyAsync(IReadOnlyList<string> messageIds, string targetFolder, CancellationToken cancellationToken) => throw NotOverPop3();

    public Task<string> CreateFolderAsync(string? parentPath, string name, CancellationToken cancellationToken) => throw NotOverPop3();

    public Task<string> RenameFolderAsync(string path, string newName, CancellationToken cancellationToken) => throw NotOverPop3();

    public Task DeleteFolderAsync(string path, CancellationToken cancellationToken) => throw NotOverPop3();

    public Task EmptyTrashAsync(CancellationToken cancellationToken) => throw NotOverPop3();

    /// <summary>Inside the store's contract (MailOperationException), so a page that offers such an action by mistake
    /// shows a sentence instead of losing its live connection.</summary>
    private static MailOperationException NotOverPop3() => new(MailProblem.NotAvailableOverPop3);

    public Task MarkAnsweredAsync(string messageId, CancellationToken cancellationToken) => Task.CompletedTask;

    // POP3 has one mailbox and nowhere to keep sent mail.
    public Task<bool> AppendToSentAsync(MimeMessage message, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task ImportAsync(string folder, MimeMessage message, CancellationToken cancellationToken) => throw NotOverPop3();

    // POP3 has no conversations: no THREAD, and the headers of every message would have to be downloaded.
    public Task<IReadOnlyList<string>> ConversationOfAsync(string messageId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([messageId]);

    // Drafts of a POP3 account are kept in the session only (see SessionMailbox).
    public Task<string?> ReplaceDraftAsync(MimeMessage draft, string? previousId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task DeleteDraftAsync(string draftId, CancellationToken cancellationToken) => Task.CompletedTask;

    private Task<T> RunAsync<T>(Func<Pop3Client, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        Pop3Client? current = null;
        return _runner.RunAsync(async token =>
        {
            using var client = await clients.ConnectPop3Async(domain, token);
            current = client;
            await MailSignIn.AuthenticateAsync(client, domain, session.Address, session.RevealPassword(), session.ClientAddress, token);
            var result = await operation(client, token);
            // QUIT commits deletions and releases the maildrop lock for the user's other clients.
            await client.DisconnectAsync(quit: true, token);
            return result;
        }, () =>
        {
            current?.Dispose();
            return Task.CompletedTask;
        }, cancellationToken);
    }

    private static async Task<int> IndexOfAsync(Pop3Client client, string messageId, CancellationToken cancellationToken)
    {
        var index = (await client.GetMessageUidsAsync(cancellationToken)).IndexOf(messageId);
        return index >= 0 ? index : throw new MailOperationException(MailProblem.MessageNotFound);
    }

    private static MessageSummary ToSummary(string uid, HeaderList headers, int size)
    {
        var from = InternetAddressList.TryParse(headers[HeaderId.From] ?? "", out var list) ? list.Mailboxes.FirstOrDefault() : null;
        var date = MessageDate.Of(headers);
        var contentType = headers[HeaderId.ContentType] ?? "";
        var to = InternetAddressList.TryParse(headers[HeaderId.To] ?? "", out var recipients) ? recipients.Mailboxes : [];
        return new MessageSummary(
            uid, from?.Name ?? "", from?.Address ?? headers[HeaderId.From] ?? "", headers[HeaderId.Subject] ?? "", date, size,
            IsRead: false, HasAttachments: contentType.Contains("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            To = string.Join(", ", to.Select(m => string.IsNullOrEmpty(m.Name) ? m.Address : $"{m.Name} <{m.Address}>")),
        };
    }

    // Nothing stays open between operations.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
