using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using WebMail.Client.Services;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Sessions;
using MessageSummary = WebMail.Client.Services.MessageSummary;

namespace WebMail.Server.Mail.Imap;

/// <summary>
/// The inbox over IMAP: one authenticated connection per session, kept open between operations and
/// re-opened lazily after a drop. Listing fetches summaries for the requested page only.
/// </summary>
public sealed class ImapMailStore(
    UserSession session, MailDomainOptions domain, MailClientFactory clients, TimeSpan idleDisconnect, ILogger logger) : IMailStore
{
    private const MessageSummaryItems SummaryItems = MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope
        | MessageSummaryItems.Flags | MessageSummaryItems.Size | MessageSummaryItems.BodyStructure;

    private readonly MailOperationRunner _runner = new(session, domain.Imap!, logger);
    private ImapClient? _client;
    private Timer? _idleTimer;

    public Task<(IReadOnlyList<MessageSummary> Messages, int TotalCount)> ListAsync(int pageIndex, int pageSize, CancellationToken cancellationToken) =>
        RunAsync<(IReadOnlyList<MessageSummary>, int)>(async (inbox, token) =>
        {
            // NOOP lets the server tell this long-lived connection what other clients changed (new mail, expunges).
            await _client!.NoOpAsync(token);
            var total = inbox.Count;
            var newest = total - 1 - (pageIndex * pageSize);
            if (newest < 0)
            {
                return ([], total);
            }

            var oldest = Math.Max(0, newest - pageSize + 1);
            var summaries = await inbox.FetchAsync(oldest, newest, SummaryItems, token);
            var page = summaries.OrderByDescending(s => s.Index).Select(s => ToSummary(inbox, s)).ToList();
            return (page, total);
        }, cancellationToken);

    public Task<byte[]> DownloadAsync(string messageId, CancellationToken cancellationToken) =>
        RunAsync(async (inbox, token) =>
        {
            var uid = ParseId(inbox, messageId);
            using var buffer = new MemoryStream();
            try
            {
                using var stream = await inbox.GetStreamAsync(uid, token);
                await stream.CopyToAsync(buffer, token);
            }
            catch (MessageNotFoundException exception)
            {
                throw new MailOperationException(MailProblem.MessageNotFound, exception);
            }

            await inbox.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, token);
            return buffer.ToArray();
        }, cancellationToken);

    public Task DeleteAsync(string messageId, CancellationToken cancellationToken) =>
        RunAsync(async (inbox, token) =>
        {
            var uid = ParseId(inbox, messageId);
            var trash = _client!.Capabilities.HasFlag(ImapCapabilities.SpecialUse) ? _client.GetFolder(SpecialFolder.Trash) : null;
            if (trash is not null && _client.Capabilities.HasFlag(ImapCapabilities.Move))
            {
                await inbox.MoveToAsync(uid, trash, token);
            }
            else
            {
                await inbox.AddFlagsAsync(uid, MessageFlags.Deleted, silent: true, token);
                await inbox.ExpungeAsync([uid], token);
            }

            return true;
        }, cancellationToken);

    public Task SetReadAsync(string messageId, bool read, CancellationToken cancellationToken) =>
        RunAsync(async (inbox, token) =>
        {
            var uid = ParseId(inbox, messageId);
            if (read)
            {
                await inbox.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, token);
            }
            else
            {
                await inbox.RemoveFlagsAsync(uid, MessageFlags.Seen, silent: true, token);
            }

            return true;
        }, cancellationToken);

    public Task MarkAnsweredAsync(string messageId, CancellationToken cancellationToken) =>
        RunAsync(async (inbox, token) =>
        {
            await inbox.AddFlagsAsync(ParseId(inbox, messageId), MessageFlags.Answered, silent: true, token);
            return true;
        }, cancellationToken);

    public Task<bool> AppendToSentAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken) =>
        RunAsync(async (_, token) =>
        {
            var sent = await SpecialFolderAsync(SpecialFolder.Sent, "Sent", token);
            if (sent is null)
            {
                return false;
            }

            await sent.AppendAsync(new AppendRequest(message, MessageFlags.Seen), token);
            return true;
        }, cancellationToken);

    public Task<string?> ReplaceDraftAsync(MimeKit.MimeMessage draft, string? previousId, CancellationToken cancellationToken) =>
        RunAsync<string?>(async (_, token) =>
        {
            var drafts = await SpecialFolderAsync(SpecialFolder.Drafts, "Drafts", token);
            if (drafts is null)
            {
                return null;
            }

            var uid = await drafts.AppendAsync(new AppendRequest(draft, MessageFlags.Draft | MessageFlags.Seen), token);
            await DeleteFromAsync(drafts, previousId, token);
            return uid is { } saved ? $"{saved.Validity}.{saved.Id}" : null;
        }, cancellationToken);

    public Task DeleteDraftAsync(string draftId, CancellationToken cancellationToken) =>
        RunAsync(async (_, token) =>
        {
            if (await SpecialFolderAsync(SpecialFolder.Drafts, "Drafts", token) is { } drafts)
            {
                await DeleteFromAsync(drafts, draftId, token);
            }

            return true;
        }, cancellationToken);

    private static async Task DeleteFromAsync(IMailFolder folder, string? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return;
        }

        if (!folder.IsOpen)
        {
            await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        }

        var parts = id.Split('.');
        if (parts.Length == 2 && uint.TryParse(parts[0], CultureInfo.InvariantCulture, out var validity)
            && uint.TryParse(parts[1], CultureInfo.InvariantCulture, out var uid) && validity == folder.UidValidity)
        {
            await folder.AddFlagsAsync(new UniqueId(validity, uid), MessageFlags.Deleted, silent: true, cancellationToken);
            await folder.ExpungeAsync([new UniqueId(validity, uid)], cancellationToken);
        }
    }

    private async Task<IMailFolder?> SpecialFolderAsync(SpecialFolder special, string usualName, CancellationToken cancellationToken) =>
        (_client!.Capabilities.HasFlag(ImapCapabilities.SpecialUse) ? _client.GetFolder(special) : null)
            ?? await FindFolderNamedAsync(usualName, cancellationToken);

    private async Task<IMailFolder?> FindFolderNamedAsync(string name, CancellationToken cancellationToken)
    {
        var personal = _client!.GetFolder(_client.PersonalNamespaces[0]);
        var folders = await personal.GetSubfoldersAsync(false, cancellationToken);
        return folders.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<T> RunAsync<T>(Func<IMailFolder, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var result = await _runner.RunAsync(async token =>
        {
            var client = await ConnectedClientAsync(token);
            var inbox = client.Inbox;
            if (!inbox.IsOpen || inbox.Access != FolderAccess.ReadWrite)
            {
                await inbox.OpenAsync(FolderAccess.ReadWrite, token);
            }

            return await operation(inbox, token);
        }, DropConnectionAsync, cancellationToken);
        // Servers keep a process per connection: give it back when the user has stopped reading.
        _idleTimer ??= new Timer(_ => _ = _runner.TryWhenIdleAsync(LogOutAsync));
        _idleTimer.Change(idleDisconnect, Timeout.InfiniteTimeSpan);
        return result;
    }

    private async Task<ImapClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true, IsAuthenticated: true })
        {
            return _client;
        }

        await DropConnectionAsync();
        var client = await clients.ConnectImapAsync(domain, cancellationToken);
        try
        {
            await client.AuthenticateAsync(session.Address, session.RevealPassword(), cancellationToken);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        _client = client;
        return client;
    }

    private Task DropConnectionAsync()
    {
        // After a failure or cancellation the protocol state is unknown: never reuse that connection.
        _client?.Dispose();
        _client = null;
        return Task.CompletedTask;
    }

    private static UniqueId ParseId(IMailFolder inbox, string messageId)
    {
        var parts = messageId.Split('.');
        if (parts.Length == 2 && uint.TryParse(parts[0], CultureInfo.InvariantCulture, out var validity)
            && uint.TryParse(parts[1], CultureInfo.InvariantCulture, out var uid) && validity == inbox.UidValidity && uid > 0)
        {
            return new UniqueId(validity, uid);
        }

        throw new MailOperationException(MailProblem.MessageNotFound);
    }

    private static MessageSummary ToSummary(IMailFolder inbox, IMessageSummary summary)
    {
        var envelope = summary.Envelope;
        var from = envelope?.From.Mailboxes.FirstOrDefault();
        return new MessageSummary(
            $"{inbox.UidValidity}.{summary.UniqueId.Id}",
            from?.Name ?? "",
            from?.Address ?? "",
            envelope?.Subject ?? "",
            envelope?.Date ?? summary.InternalDate ?? DateTimeOffset.MinValue,
            (long)(summary.Size ?? 0),
            summary.Flags?.HasFlag(MessageFlags.Seen) ?? false,
            summary.Attachments.Any());
    }

    public async ValueTask DisposeAsync()
    {
        if (_idleTimer is not null)
        {
            await _idleTimer.DisposeAsync();
        }

        await LogOutAsync();
    }

    /// <summary>Whether the store still holds a connection (for tests and the idle logout).</summary>
    public bool IsConnected => _client is { IsConnected: true };

    private async Task LogOutAsync()
    {
        if (_client is { IsConnected: true } client)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await client.DisconnectAsync(quit: true, timeout.Token);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Closing politely is a courtesy; the socket is closed below either way.
            }
        }

        await DropConnectionAsync();
    }
}
