using WebMail.Client.Services;
using WebMail.Server.Mail.Caching;
using WebMail.Server.Mail.Contacts;
using WebMail.Server.Mail.Drafts;
using WebMail.Server.Mail.Rendering;

namespace WebMail.Server.Mail.Sessions;

/// <summary>
/// The mail of one signed-in session: its server (through the store) read and changed through its cache, plus the
/// draft being written and the people it wrote to. Shared by all the user's tabs; owned and disposed by the
/// <see cref="UserSession"/>. The cache's invalidation rules live in <see cref="SessionCache"/>, the connection
/// and its bounds in the store and <see cref="Connections.MailServerCalls"/>.
/// </summary>
public sealed class SessionMailbox(UserSession session, IMailStore store, SessionCache cache) : IAsyncDisposable
{
    /// <summary>Only messages up to this size are fetched before they are asked for.</summary>
    public const long MaxPrefetchBytes = 512 * 1024;

    // The latest prefetch; a newer one, or the session's end, calls it off before it starts.
    private CancellationTokenSource _prefetch = new();

    // The listing started at sign-in (StartFirstListing), which the first page joins instead of listing again.
    private Task<IReadOnlyList<MailFolder>>? _firstFolders;
    private Task<MessagePage>? _firstPage;

    // Read receipts sent or declined in this session (the only record over POP3).
    private readonly HashSet<string> _receiptsHandled = new(StringComparer.Ordinal);

    /// <summary>Larger messages are shown by their headers, with the original as a streamed download (Reading:MaxMessageBytes).</summary>
    public long MaxMessageBytes { get; init; } = long.MaxValue;

    public UserSession Session { get; } = session;

    public SessionCache Cache { get; } = cache;

    public IMailStore Store { get; } = store;

    /// <summary>Where cache hits and misses are counted (none in tests that build a mailbox by hand).</summary>
    public Diagnostics.WebMailMetrics? Metrics { get; init; }

    /// <summary>What the user is writing (see <see cref="DraftService"/>).</summary>
    public SessionDrafts Drafts { get; } = new();

    /// <summary>The user's settings as read once for this session (see <see cref="UserData.UserSettingsService"/>).</summary>
    public UserSettings? Settings { get; set; }

    /// <summary>The away message and filters as last read or saved in this session (see <see cref="Sieve.MailFiltersService"/>): the notice that the away message is on asks the server once.</summary>
    public FiltersOnServer? Filters { get; set; }

    /// <summary>People this session read mail from or wrote to: the compose form's suggestions.</summary>
    public SessionAddressBook AddressBook { get; } = new();

    public async Task<MessagePage> ListAsync(MessageQuery query, bool refresh, CancellationToken cancellationToken)
    {
        if (refresh)
        {
            Cache.ForgetPagesLike(query);
        }
        else if (Cache.TryGetPage(query, out var cached))
        {
            return cached;
        }
        else if (query == FirstQuery && await JoinAsync(_firstPage, cancellationToken) is { } first)
        {
            return first;
        }

        var page = await Store.ListAsync(query, cancellationToken);
        AddressBook.Remember(page.Messages.Where(m => m.FromAddress.Contains('@'))
            .Select(m => string.IsNullOrEmpty(m.FromName) ? m.FromAddress : $"{m.FromName} <{m.FromAddress}>"));
        Cache.AddPage(query, page);
        return page;
    }

    /// <summary>The messages beside <paramref name="messageId"/> in the list the tab came from (<paramref name="listedIn"/>).</summary>
    public (MessageSummary? Newer, MessageSummary? Older) Neighbours(string messageId, MessageQuery? listedIn) =>
        Cache.Neighbours(messageId, listedIn);

    public async Task<IReadOnlyList<MailFolder>> ListFoldersAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (!refresh && Cache.TryGetFolders(out var cached))
        {
            return cached;
        }

        if (!refresh && await JoinAsync(_firstFolders, cancellationToken) is { } first)
        {
            return first;
        }

        var folders = await Store.ListFoldersAsync(cancellationToken);
        Cache.SetFolders(folders);
        return folders;
    }

    /// <summary>The decoded message, from the cache or downloaded (and then cached); read flags are left as they are.</summary>
    public async Task<RenderedMessage> OpenAsync(string messageId, CancellationToken cancellationToken)
    {
        if (Cache.TryGetMessage(messageId, out var cached))
        {
            Metrics?.CacheLookup(hit: true);
            return cached;
        }

        Metrics?.CacheLookup(hit: false);
        // Opened from a listed page, the size is known: one command to the server fewer.
        var size = Cache.ListedSize(messageId) ?? await Store.SizeOfAsync(messageId, cancellationToken);
        RenderedMessage rendered;
        if (size > MaxMessageBytes)
        {
            // Headers only: the original is offered as a download streamed from the server, never held whole here.
            rendered = MessageRenderer.Render(messageId, await Store.DownloadHeadersAsync(messageId, cancellationToken));
            var attachments = await Store.ListAttachmentsAsync(messageId, cancellationToken);
            rendered = rendered with { View = rendered.View with { TooLargeBytes = size, Attachments = attachments }, TooLarge = true };
        }
        else
        {
            rendered = MessageRenderer.Render(messageId, await Store.DownloadAsync(messageId, cancellationToken));
        }

        Cache.AddMessage(rendered);
        return rendered;
    }

    /// <summary>The list a page shows first: the inbox, newest first.</summary>
    private static readonly MessageQuery FirstQuery = new();

    /// <summary>
    /// Lists what the first page shows (the inbox's newest page, then the folders) right after sign-in, while the
    /// browser follows the redirect: the page finds them in the cache, or joins this listing instead of starting its
    /// own. A failure is left for the page to meet and report.
    /// </summary>
    /// <param name="signedIn">The connection sign-in proved the password on, which this takes over (the store uses
    /// it, or it is closed): the first listing then needs no connection and login of its own.</param>
    public void StartFirstListing(MailKit.IMailService? signedIn = null)
    {
        if (signedIn is not null && !Store.TakeOver(signedIn))
        {
            signedIn.Dispose();
        }

        // The rows first: the first page shows them before the folder pane (whose counts take the server longer).
        _firstPage = ListAsync(FirstQuery, refresh: false, Session.Ended).ObserveFailure();
        _firstFolders = Store.Features.Folders ? ListFoldersAsync(refresh: false, Session.Ended).ObserveFailure() : null;
        _ = FetchNewestAheadAsync(_firstPage);
    }

    /// <summary>
    /// The newest message is the one most often opened first: it is fetched while the student looks at the list,
    /// which also spares the next open the mail server's own first-fetch cost (Dovecot's first body fetch on a
    /// connection into a 10,000-message maildir took 20–30 ms here, the next ones 2 ms).
    /// </summary>
    private async Task FetchNewestAheadAsync(Task<MessagePage> listing)
    {
        try
        {
            await PrefetchAsync((await listing).Messages.FirstOrDefault());
        }
        catch (Exception exception) when (exception is MailOperationException or OperationCanceledException)
        {
            // The page meets the listing's problem itself.
        }
    }

    /// <summary>
    /// The result of a listing started at sign-in while it is still under way; null to list afresh (once it is done,
    /// its result is in the cache for as long as nothing changed it).
    /// </summary>
    private static async Task<T?> JoinAsync<T>(Task<T>? started, CancellationToken cancellationToken)
        where T : class
    {
        if (started is null || started.IsCompleted)
        {
            return null;
        }

        try
        {
            return await started.WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is MailOperationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null; // the page tries for itself, and reports what goes wrong
        }
    }

    /// <summary>
    /// What follows showing a message to its reader, while they read: it is marked read on the server (the list
    /// already shows it so), then the message under it in the list is fetched ahead (<see cref="PrefetchAsync"/>).
    /// Only this marks read: the body frame and attachment URLs (plain GETs, which a prefetching browser or a pasted
    /// link may request) use <see cref="OpenAsync"/>, which leaves the flags alone.
    /// Started before the page's next action, so that action finds both done or queued ahead of it on the
    /// connection. A failure here is logged by the call itself and met again by the user's next action.
    /// </summary>
    public async Task AfterShownAsync(string messageId)
    {
        try
        {
            if (!Cache.ShowsAsRead(messageId))
            {
                await SetReadAsync([messageId], read: true, Session.Ended);
            }
        }
        catch (Exception exception) when (exception is MailOperationException or OperationCanceledException)
        {
            return;
        }

        await PrefetchAsync(Cache.Neighbours(messageId, listedIn: null).Older);
    }

    /// <summary>
    /// Fetches <paramref name="next"/> (the message under the one being read, the likeliest next) into the cache
    /// while the user reads, so opening it then costs no round trip to the mail server. Small messages only, one at a
    /// time: a newer prefetch calls off an older one that has not started, and one that started is let finish, since
    /// stopping a command half-way costs the connection. A failure is left for the real open to meet and report.
    /// </summary>
    public async Task PrefetchAsync(MessageSummary? next)
    {
        if (next is null || next.Size > MaxPrefetchBytes || next.Size > MaxMessageBytes || Cache.TryGetMessage(next.Id, out _))
        {
            return;
        }

        var calledOff = new CancellationTokenSource();
        using var previous = Interlocked.Exchange(ref _prefetch, calledOff);
        await previous.CancelAsync();
        await Task.Yield(); // the reader's own work goes first
        if (calledOff.IsCancellationRequested || Session.IsEnded)
        {
            return;
        }

        try
        {
            await OpenAsync(next.Id, Session.Ended);
        }
        catch (Exception exception) when (exception is MailOperationException or OperationCanceledException)
        {
            // The user opening it will meet the same problem and be told.
        }
    }

    /// <summary>Deletes (or moves to Trash). The folders involved list afresh from the server, one page at a time.</summary>
    public async Task<IReadOnlyList<MovedMessage>> DeleteAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        var moved = await Store.DeleteAsync(messageIds, cancellationToken);
        Cache.MessagesLeft(messageIds);
        return moved;
    }

    public async Task<IReadOnlyList<MovedMessage>> MoveAsync(IReadOnlyList<string> messageIds, string targetFolder, CancellationToken cancellationToken)
    {
        var moved = await Store.MoveAsync(messageIds, targetFolder, cancellationToken);
        Cache.MessagesLeft(messageIds, targetFolder);
        return moved;
    }

    /// <summary>The conversation <paramref name="messageId"/> is in, each message opened (from the cache where it is there), in reply order.</summary>
    public async Task<IReadOnlyList<RenderedMessage>> OpenConversationAsync(string messageId, CancellationToken cancellationToken)
    {
        var opened = new List<RenderedMessage>();
        foreach (var id in await Store.ConversationOfAsync(messageId, cancellationToken))
        {
            try
            {
                opened.Add(await OpenAsync(id, cancellationToken));
            }
            catch (MailOperationException exception) when (exception.Problem == MailProblem.MessageNotFound && id != messageId)
            {
                // Deleted meanwhile (in another tab or program): the rest of the conversation still prints.
            }
        }

        return opened;
    }

    public async Task ImportAsync(string folder, MimeKit.MimeMessage message, CancellationToken cancellationToken)
    {
        await Store.ImportAsync(folder, message, cancellationToken);
        Cache.CopiedInto(folder);
    }

    public async Task CopyAsync(IReadOnlyList<string> messageIds, string targetFolder, CancellationToken cancellationToken)
    {
        await Store.CopyAsync(messageIds, targetFolder, cancellationToken);
        Cache.CopiedInto(targetFolder);
    }

    public async Task SetReadAsync(IReadOnlyList<string> messageIds, bool read, CancellationToken cancellationToken)
    {
        await Store.SetReadAsync(messageIds, read, cancellationToken);
        Cache.FlagsChanged(messageIds, m => m with { IsRead = read }, unreadCountsChange: true);
    }

    public async Task SetFlaggedAsync(IReadOnlyList<string> messageIds, bool flagged, CancellationToken cancellationToken)
    {
        await Store.SetFlaggedAsync(messageIds, flagged, cancellationToken);
        Cache.FlagsChanged(messageIds, m => m with { IsFlagged = flagged });
    }

    /// <summary>Not cached: it changes with every delivery, and it is asked only when the folder list is shown.</summary>
    public Task<MailboxQuota?> GetQuotaAsync(CancellationToken cancellationToken) => Store.GetQuotaAsync(cancellationToken);

    /// <summary>
    /// Spam: keyword $Junk set and the messages moved into the Junk folder; not spam: $NotJunk and back to the Inbox.
    /// </summary>
    /// <exception cref="MailOperationException">FolderNotFound when there is no Junk folder to move spam into.</exception>
    public async Task<IReadOnlyList<MovedMessage>> ReportJunkAsync(IReadOnlyList<string> messageIds, bool junk, CancellationToken cancellationToken)
    {
        var target = junk
            ? (await ListFoldersAsync(refresh: false, cancellationToken)).FirstOrDefault(f => f.Kind == SpecialFolderKind.Junk)?.Path
                ?? throw new MailOperationException(MailProblem.FolderNotFound)
            : MailFolder.InboxPath;
        await Store.SetJunkAsync(messageIds, junk, cancellationToken);
        return await MoveAsync(messageIds, target, cancellationToken);
    }

    /// <summary>Whether a read receipt for the message was sent or declined in this session (POP3 keeps no keyword).</summary>
    public bool ReceiptHandled(string messageId)
    {
        lock (_receiptsHandled)
        {
            return _receiptsHandled.Contains(messageId);
        }
    }

    /// <summary>A read receipt was sent or declined: the server keeps $MDNSent (IMAP), the session and its listed pages remember it.</summary>
    /// <returns>False when it had been handled already in this session (a second tab, a double click): nothing to do.</returns>
    public async Task<bool> ReceiptHandledAsync(string messageId, CancellationToken cancellationToken)
    {
        lock (_receiptsHandled)
        {
            if (!_receiptsHandled.Add(messageId))
            {
                return false;
            }
        }

        await Store.MarkReceiptHandledAsync(messageId, cancellationToken);
        Cache.FlagsChanged([messageId], m => m with { ReceiptHandled = true });
        return true;
    }

    public async Task MarkAnsweredAsync(string messageId, CancellationToken cancellationToken)
    {
        await Store.MarkAnsweredAsync(messageId, cancellationToken);
        Cache.FlagsChanged([messageId], m => m with { IsAnswered = true });
    }

    public Task<string> CreateFolderAsync(string? parentPath, string name, CancellationToken cancellationToken) =>
        ChangeFoldersAsync(() => Store.CreateFolderAsync(parentPath, name, cancellationToken));

    public Task<string> RenameFolderAsync(string path, string newName, CancellationToken cancellationToken) =>
        ChangeFoldersAsync(() => Store.RenameFolderAsync(path, newName, cancellationToken));

    public Task DeleteFolderAsync(string path, CancellationToken cancellationToken) =>
        ChangeFoldersAsync(async () =>
        {
            await Store.DeleteFolderAsync(path, cancellationToken);
            return path;
        });

    public Task EmptyTrashAsync(CancellationToken cancellationToken) =>
        ChangeFoldersAsync(async () =>
        {
            await Store.EmptyTrashAsync(cancellationToken);
            return "";
        });

    private async Task<string> ChangeFoldersAsync(Func<Task<string>> change)
    {
        try
        {
            return await change();
        }
        finally
        {
            // Even a refused change may have done part of its work (a folder with children renamed halfway).
            Cache.FoldersChanged();
        }
    }

    /// <summary>A message was put into a special folder (a Sent or Drafts copy): that folder lists afresh.</summary>
    public void FolderGrew(SpecialFolderKind kind) => Cache.FolderGrew(kind);

    public async ValueTask DisposeAsync()
    {
        await _prefetch.CancelAsync();
        Cache.Clear();
        await Store.DisposeAsync();
    }
}
