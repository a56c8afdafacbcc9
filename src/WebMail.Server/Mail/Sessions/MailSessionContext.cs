using WebMail.Client.Services;
using WebMail.Server.Mail.Caching;
using WebMail.Server.Mail.Rendering;

namespace WebMail.Server.Mail.Sessions;

/// <summary>
/// Everything mail-related one session holds: its connection to the server (through the store), the cache of
/// decoded messages and of listed pages. Shared by all the user's tabs; disposed with the session.
/// </summary>
public sealed class MailSessionContext(UserSession session, IMailStore store, DecodedMessageCache cache) : IAsyncDisposable
{
    /// <summary>Larger messages are shown by their headers, with the original as a streamed download (Reading:MaxMessageBytes).</summary>
    public long MaxMessageBytes { get; init; } = long.MaxValue;

    private readonly Dictionary<MessageQuery, MessagePage> _pages = [];
    private IReadOnlyList<MailFolder>? _folders;
    private readonly Lock _pagesLock = new();
    private const int MaxKnownAddresses = 5_000;
    private readonly HashSet<string> _knownAddresses = new(StringComparer.OrdinalIgnoreCase);

    public UserSession Session { get; } = session;

    public DecodedMessageCache Cache { get; } = cache;

    public IMailStore Store { get; } = store;

    /// <summary>Where cache hits and misses are counted (none in tests that build a context by hand).</summary>
    public Diagnostics.WebMailMetrics? Metrics { get; init; }

    /// <summary>What the user is writing, kept for the session so no reload or dropped connection loses it.</summary>
    public Client.Services.OutgoingMessage? Draft { get; set; }

    /// <summary>The id of the draft's copy in the server's Drafts folder (IMAP), replaced on every save.</summary>
    public string? DraftCopyId { get; set; }

    /// <summary>True once the shared store (Redis) was asked for this session's draft, or told it: no need to ask again.</summary>
    public bool SharedDraftLoaded { get; set; }

    /// <summary>A page of the inbox, newest first.</summary>
    public Task<MessagePage> ListAsync(int pageIndex, int pageSize, bool refresh, CancellationToken cancellationToken) =>
        ListAsync(new MessageQuery(PageIndex: pageIndex, PageSize: pageSize), refresh, cancellationToken);

    public async Task<MessagePage> ListAsync(MessageQuery query, bool refresh, CancellationToken cancellationToken)
    {
        lock (_pagesLock)
        {
            if (refresh)
            {
                ForgetPages(query.AllFolders ? null : query.Folder);
            }
            else if (_pages.TryGetValue(query, out var cached))
            {
                return cached;
            }
        }

        var (messages, total) = await Store.ListAsync(query, cancellationToken);
        var page = new MessagePage(messages, total, query.PageIndex, query.PageSize);
        RememberAddresses(messages.Where(m => m.FromAddress.Contains('@'))
            .Select(m => string.IsNullOrEmpty(m.FromName) ? m.FromAddress : $"{m.FromName} <{m.FromAddress}>"));
        lock (_pagesLock)
        {
            _pages[query] = page;
        }

        return page;
    }

    /// <summary>
    /// The messages beside <paramref name="messageId"/> in the list the reader came from (<paramref name="listedIn"/>,
    /// the tab's own query), not in whatever another tab of the session listed last.
    /// </summary>
    public (MessageSummary? Newer, MessageSummary? Older) Neighbours(string messageId, MessageQuery? listedIn)
    {
        lock (_pagesLock)
        {
            var page = listedIn is not null && _pages.TryGetValue(listedIn, out var listed) && listed.Messages.Any(m => m.Id == messageId)
                ? listed
                : _pages.Values.FirstOrDefault(p => p.Messages.Any(m => m.Id == messageId));
            if (page is null)
            {
                return (null, null);
            }

            var at = page.Messages.ToList().FindIndex(m => m.Id == messageId);
            return (at > 0 ? page.Messages[at - 1] : null, at + 1 < page.Messages.Count ? page.Messages[at + 1] : null);
        }
    }

    public async Task<IReadOnlyList<MailFolder>> ListFoldersAsync(bool refresh, CancellationToken cancellationToken)
    {
        lock (_pagesLock)
        {
            if (!refresh && _folders is not null)
            {
                return _folders;
            }
        }

        var folders = await Store.ListFoldersAsync(cancellationToken);
        lock (_pagesLock)
        {
            _folders = folders;
        }

        return folders;
    }

    /// <summary>
    /// The message the user opened in the reading pane, marked read. Only this marks read: the body frame and
    /// attachment URLs (plain GETs, which a prefetching browser or a pasted link may request) use
    /// <see cref="OpenAsync"/>, which leaves the flags alone.
    /// </summary>
    public async Task<RenderedMessage> ReadAsync(string messageId, CancellationToken cancellationToken)
    {
        var rendered = await OpenAsync(messageId, cancellationToken);
        if (!KnownRead(messageId))
        {
            await SetReadAsync([messageId], read: true, cancellationToken);
        }

        return rendered;
    }

    /// <summary>The decoded message, from the cache or downloaded (and then cached); read flags are left as they are.</summary>
    public async Task<RenderedMessage> OpenAsync(string messageId, CancellationToken cancellationToken)
    {
        if (Cache.TryGet(messageId, out var cached))
        {
            Metrics?.CacheLookup(hit: true);
            return cached;
        }

        Metrics?.CacheLookup(hit: false);
        var size = await Store.SizeOfAsync(messageId, cancellationToken);
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

        Cache.Add(rendered);
        return rendered;
    }

    public async Task DeleteAsync(string messageId, CancellationToken cancellationToken) => await DeleteAsync([messageId], cancellationToken);

    /// <summary>Deletes (or moves to Trash). The folders involved list afresh from the server, one page at a time.</summary>
    public async Task<IReadOnlyList<MovedMessage>> DeleteAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        var moved = await Store.DeleteAsync(messageIds, cancellationToken);
        Forget(messageIds);
        return moved;
    }

    public async Task<IReadOnlyList<MovedMessage>> MoveAsync(IReadOnlyList<string> messageIds, string targetFolder, CancellationToken cancellationToken)
    {
        var moved = await Store.MoveAsync(messageIds, targetFolder, cancellationToken);
        // Ids name a folder and a UID: in the new folder the messages have new ones.
        Forget(messageIds, targetFolder);
        return moved;
    }

    public async Task CopyAsync(IReadOnlyList<string> messageIds, string targetFolder, CancellationToken cancellationToken)
    {
        await Store.CopyAsync(messageIds, targetFolder, cancellationToken);
        lock (_pagesLock)
        {
            ForgetPages(targetFolder);
            _folders = null;
        }
    }

    public async Task SetReadAsync(IReadOnlyList<string> messageIds, bool read, CancellationToken cancellationToken)
    {
        await Store.SetReadAsync(messageIds, read, cancellationToken);
        UpdateInPages(messageIds, m => m with { IsRead = read }, countsChange: true);
    }

    public async Task SetFlaggedAsync(IReadOnlyList<string> messageIds, bool flagged, CancellationToken cancellationToken)
    {
        await Store.SetFlaggedAsync(messageIds, flagged, cancellationToken);
        UpdateInPages(messageIds, m => m with { IsFlagged = flagged });
    }

    public async Task MarkAnsweredAsync(string messageId, CancellationToken cancellationToken)
    {
        await Store.MarkAnsweredAsync(messageId, cancellationToken);
        UpdateInPages([messageId], m => m with { IsAnswered = true });
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
            FoldersChanged();
        }
    }

    /// <summary>After a folder was created, renamed or deleted, or Trash emptied: every cached listing may be stale.</summary>
    private void FoldersChanged()
    {
        lock (_pagesLock)
        {
            _pages.Clear();
            _folders = null;
        }
    }

    /// <summary>A message was put into a special folder (a Sent or Drafts copy): that folder lists afresh.</summary>
    public void FolderGrew(SpecialFolderKind kind)
    {
        lock (_pagesLock)
        {
            var path = _folders?.FirstOrDefault(f => f.Kind == kind)?.Path;
            foreach (var key in _pages.Keys.Where(k => k.AllFolders || (path is null ? k.Folder != MailFolder.InboxPath : k.Folder == path)).ToList())
            {
                _pages.Remove(key);
            }

            _folders = null;
        }
    }

    /// <summary>Remembers people for the compose form's suggestions (bounded: a session keeps at most a few thousand).</summary>
    public void RememberAddresses(IEnumerable<string> mailboxes)
    {
        lock (_knownAddresses)
        {
            foreach (var mailbox in mailboxes)
            {
                if (_knownAddresses.Count >= MaxKnownAddresses)
                {
                    return;
                }

                _knownAddresses.Add(mailbox);
            }
        }
    }

    /// <summary>People this session read mail from or wrote to: the compose form's suggestions.</summary>
    public IReadOnlyList<string> KnownAddresses()
    {
        lock (_knownAddresses)
        {
            return _knownAddresses.Order(StringComparer.CurrentCulture).Take(500).ToList();
        }
    }

    /// <summary>Whether a listed page shows the message as read already (then opening it needs no server command).</summary>
    private bool KnownRead(string messageId)
    {
        lock (_pagesLock)
        {
            return _pages.Values.SelectMany(page => page.Messages).Any(m => m.Id == messageId && m.IsRead);
        }
    }

    /// <summary>Changes what cached pages show for these messages (flags): no listing has to ask the server again.</summary>
    private void UpdateInPages(IReadOnlyList<string> messageIds, Func<MessageSummary, MessageSummary> change, bool countsChange = false)
    {
        var ids = messageIds.ToHashSet(StringComparer.Ordinal);
        lock (_pagesLock)
        {
            foreach (var (key, page) in _pages.ToList())
            {
                if (page.Messages.Any(m => ids.Contains(m.Id)))
                {
                    _pages[key] = page with { Messages = page.Messages.Select(m => ids.Contains(m.Id) ? change(m) : m).ToList() };
                }
            }

            if (countsChange)
            {
                // Unread counts change too, and only the server knows them exactly: the pane asks again.
                _folders = null;
            }
        }
    }

    /// <summary>
    /// Messages that left their folder (deleted, moved to Trash or elsewhere). The pages showing them drop them in
    /// place, so the view the user is on updates without asking the server; other pages of that folder (shifted),
    /// of the folder they went to, and searches across folders are listed afresh when next shown.
    /// </summary>
    private void Forget(IReadOnlyList<string> messageIds, string? targetFolder = null)
    {
        foreach (var id in messageIds)
        {
            Cache.Remove(id);
        }

        var ids = messageIds.ToHashSet(StringComparer.Ordinal);
        lock (_pagesLock)
        {
            var trash = _folders?.FirstOrDefault(f => f.Kind == SpecialFolderKind.Trash)?.Path;
            var sources = _pages.Values.SelectMany(p => p.Messages).Where(m => ids.Contains(m.Id)).Select(m => m.Folder).ToHashSet();
            foreach (var (key, page) in _pages.ToList())
            {
                var left = page.Messages.Where(m => !ids.Contains(m.Id)).ToList();
                if (left.Count < page.Messages.Count && !key.AllFolders)
                {
                    _pages[key] = page with { Messages = left, TotalCount = page.TotalCount - (page.Messages.Count - left.Count) };
                }
                else if (key.AllFolders || sources.Contains(key.Folder) || key.Folder == targetFolder || key.Folder == trash
                    || (trash is null && targetFolder is null && key.Folder != MailFolder.InboxPath))
                {
                    _pages.Remove(key);
                }
            }

            _folders = null;
        }
    }

    /// <summary>Forgets the cached pages of <paramref name="folder"/> and of searches across folders (all pages when null).</summary>
    private void ForgetPages(string? folder)
    {
        foreach (var key in _pages.Keys.Where(k => folder is null || k.AllFolders || k.Folder == folder).ToList())
        {
            _pages.Remove(key);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Cache.Clear();
        await Store.DisposeAsync();
    }
}
