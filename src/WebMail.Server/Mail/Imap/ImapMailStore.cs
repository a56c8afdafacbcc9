using MailKit;
using MailKit.Net.Imap;
using WebMail.Client.Services;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Mail.Imap;

/// <summary>
/// The mailbox over IMAP: one authenticated connection per session, kept open between operations and re-opened
/// lazily after a drop. What the user does happens on the server, so their other clients see it too. This file
/// holds the connection; listing, message actions and folder actions live in the other parts of the class.
/// </summary>
public sealed partial class ImapMailStore(
    UserSession session, MailDomainOptions domain, MailClientFactory clients, MailServerCalls calls, TimeSpan idleDisconnect,
    int maxLocalSort) : IMailStore
{
    private readonly MailOperationRunner _runner = new(
        session, new MailCallTarget("imap", "read", domain.Imap!, session.Address, session.Ended), calls);
    // Folder objects by path for this connection, so working in a folder does not LIST it first every time.
    private readonly Dictionary<string, IMailFolder> _folders = new(StringComparer.Ordinal);
    private ImapClient? _client;
    // The order last worked out here for a server without SORT or THREAD, kept while the same messages match.
    private readonly LocalOrderCache _localOrders = new();
    // Learnt once per session: the server answered a UTF-8 search with BADCHARSET (Exchange).
    private bool _utf8SearchRefused;
    private Timer? _idleTimer;

    public MailboxFeatures Features => MailboxFeatures.Imap;

    /// <summary>Whether the store still holds a connection (for tests and the idle logout).</summary>
    public bool IsConnected => _client is { IsConnected: true };

    private ImapClient Client => _client ?? throw new InvalidOperationException("Only inside RunAsync.");

    // Only before the store's first operation (sign-in hands its connection to a store made for the new session),
    // so nothing else can be using _client.
    public bool TakeOver(IMailService signedIn)
    {
        if (_client is not null || signedIn is not ImapClient { IsConnected: true, IsAuthenticated: true } client)
        {
            return false;
        }

        _client = client;
        return true;
    }

    private async Task<T> RunAsync<T>(Func<ImapClient, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var result = await _runner.RunAsync(async token => await operation(await ConnectedClientAsync(token), token), DropConnectionAsync, cancellationToken);
        // Servers keep a process per connection: give it back when the user has stopped reading.
        _idleTimer ??= new Timer(_ => _ = _runner.TryWhenIdleAsync(LogOutAsync));
        _idleTimer.Change(idleDisconnect, Timeout.InfiniteTimeSpan);
        return result;
    }

    /// <summary>The folder at <paramref name="path"/>, selected read-write (IMAP selects one folder at a time).</summary>
    private async Task<IMailFolder> OpenFolderAsync(string path, CancellationToken cancellationToken)
    {
        var folder = await ExistingFolderAsync(path, cancellationToken);
        if (!folder.IsOpen || folder.Access != FolderAccess.ReadWrite)
        {
            try
            {
                await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
            }
            catch (ImapCommandException exception)
            {
                // The inbox always exists: a server that will not open it is refusing the client (Coremail's
                // "Unsafe Login" to a client that sent no ID), and "this folder no longer exists" would mislead.
                throw new MailOperationException(folder.FullName.Equals("INBOX", StringComparison.OrdinalIgnoreCase)
                    ? MailProblem.ProtocolError
                    : MailProblem.FolderNotFound, exception);
            }
        }

        return folder;
    }

    /// <summary>The folder at <paramref name="path"/> (not opened), or FolderNotFound.</summary>
    private async Task<IMailFolder> ExistingFolderAsync(string path, CancellationToken cancellationToken)
    {
        if (ImapMessageId.IsInbox(path))
        {
            return Client.Inbox;
        }

        if (_folders.TryGetValue(path, out var known))
        {
            return known;
        }

        try
        {
            return _folders[path] = await Client.GetFolderAsync(path, cancellationToken);
        }
        catch (FolderNotFoundException exception)
        {
            throw new MailOperationException(MailProblem.FolderNotFound, exception);
        }
    }

    /// <summary>The UIDs of <paramref name="messageIds"/>, grouped by folder; ids from another UIDVALIDITY no longer name anything.</summary>
    private static IEnumerable<IGrouping<string, ImapMessageId>> ByFolder(IReadOnlyList<string> messageIds)
    {
        var parsed = messageIds.Select(id => ImapMessageId.TryParse(id, out var p) ? p : throw new MailOperationException(MailProblem.MessageNotFound));
        return parsed.GroupBy(p => p.Folder, StringComparer.Ordinal);
    }

    private async Task<(IMailFolder Folder, IList<UniqueId> Uids)> OpenForAsync(IGrouping<string, ImapMessageId> group, CancellationToken cancellationToken)
    {
        var folder = await OpenFolderAsync(group.Key, cancellationToken);
        var uids = UidSets.Ascending(group.Where(p => p.Validity == folder.UidValidity).Select(p => p.UniqueId));
        if (uids.Count == 0)
        {
            throw new MailOperationException(MailProblem.MessageNotFound);
        }

        return (folder, uids);
    }

    private async Task<ImapClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true, IsAuthenticated: true })
        {
            return _client;
        }

        await DropConnectionAsync();
        _client = await MailSignIn.ConnectImapAsync(clients, domain, session.Address, session.RevealPassword(), session.ClientAddress, cancellationToken);
        return _client;
    }

    private Task DropConnectionAsync()
    {
        // After a failure or cancellation the protocol state is unknown: never reuse that connection.
        _client?.Dispose();
        _client = null;
        _folders.Clear();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_idleTimer is not null)
        {
            await _idleTimer.DisposeAsync();
        }

        await LogOutAsync();
    }

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
