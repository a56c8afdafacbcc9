using WebMail.Client.Services;
using WebMail.Server.Mail.Rendering;

namespace WebMail.Server.Mail.Caching;

/// <summary>
/// What one session has cached — decoded messages, listed pages, the folder list, POP3's fetched headers — and the one set of rules for
/// when each goes stale. The user's own actions update it in place (a moved message leaves the page it was on, a
/// flag changes on the cached line); whatever only the server can know exactly is forgotten and listed afresh,
/// one page at a time, when next shown. Shared by the session's tabs; thread-safe.
/// </summary>
public sealed class SessionCache(DecodedMessageCache messages)
{
    private readonly Dictionary<MessageQuery, MessagePage> _pages = [];
    private readonly Dictionary<string, MessageSummary> _summaries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private IReadOnlyList<MailFolder>? _folders;

    /// <summary>Decoded messages the session opened, by id.</summary>
    public DecodedMessageCache Messages { get; } = messages;

    public bool TryGetPage(MessageQuery query, out MessagePage page)
    {
        lock (_lock)
        {
            return _pages.TryGetValue(query, out page!);
        }
    }

    public void AddPage(MessageQuery query, MessagePage page)
    {
        lock (_lock)
        {
            _pages[query] = page;
        }
    }

    /// <summary>Refresh pressed (or new mail): the pages of the query's folder, and searches across folders, list afresh.</summary>
    public void ForgetPagesLike(MessageQuery query)
    {
        lock (_lock)
        {
            ForgetPagesLocked(query.AllFolders ? null : query.Folder);
        }
    }

    public bool TryGetFolders(out IReadOnlyList<MailFolder> folders)
    {
        lock (_lock)
        {
            folders = _folders!;
            return _folders is not null;
        }
    }

    public void SetFolders(IReadOnlyList<MailFolder> folders)
    {
        lock (_lock)
        {
            _folders = folders;
        }
    }

    /// <summary>
    /// A message's line as its headers were fetched once (POP3 has no way to ask for a page of summaries: each is a
    /// TOP command, so none is asked twice in a session).
    /// </summary>
    public bool TryGetSummary(string messageId, out MessageSummary summary)
    {
        lock (_lock)
        {
            return _summaries.TryGetValue(messageId, out summary!);
        }
    }

    public void AddSummary(MessageSummary summary)
    {
        lock (_lock)
        {
            _summaries[summary.Id] = summary;
        }
    }

    /// <summary>
    /// The messages beside <paramref name="messageId"/> in the list the reader came from (<paramref name="listedIn"/>,
    /// the tab's own query), not in whatever another tab of the session listed last.
    /// </summary>
    public (MessageSummary? Newer, MessageSummary? Older) Neighbours(string messageId, MessageQuery? listedIn)
    {
        lock (_lock)
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

    /// <summary>The message's size as a listed page shows it (the server's own count), so opening it need not ask.</summary>
    public long? ListedSize(string messageId)
    {
        lock (_lock)
        {
            return _pages.Values.SelectMany(p => p.Messages).FirstOrDefault(m => m.Id == messageId)?.Size;
        }
    }

    /// <summary>Whether a listed page shows the message as read already (then opening it needs no server command).</summary>
    public bool ShowsAsRead(string messageId)
    {
        lock (_lock)
        {
            return _pages.Values.SelectMany(page => page.Messages).Any(m => m.Id == messageId && m.IsRead);
        }
    }

    /// <summary>Flags changed: the cached lines change with them, so no listing has to ask the server again.</summary>
    /// <param name="unreadCountsChange">Read flags: the folders' unread counts change, and only the server knows them exactly.</param>
    public void FlagsChanged(IReadOnlyList<string> messageIds, Func<MessageSummary, MessageSummary> change, bool unreadCountsChange = false)
    {
        var ids = messageIds.ToHashSet(StringComparer.Ordinal);
        lock (_lock)
        {
            foreach (var (key, page) in _pages.ToList())
            {
                if (page.Messages.Any(m => ids.Contains(m.Id)))
                {
                    _pages[key] = page with { Messages = page.Messages.Select(m => ids.Contains(m.Id) ? change(m) : m).ToList() };
                }
            }

            if (unreadCountsChange)
            {
                _folders = null;
            }
        }
    }

    /// <summary>
    /// Messages left their folder (deleted, moved to Trash or elsewhere; ids name a folder and a UID, so in the new
    /// folder they have new ones). The pages showing them drop them in place, so the view the user is on updates
    /// without asking the server; other pages of that folder (shifted), of the folder they went to, and searches
    /// across folders are listed afresh when next shown.
    /// </summary>
    public void MessagesLeft(IReadOnlyList<string> messageIds, string? targetFolder = null)
    {
        foreach (var id in messageIds)
        {
            Messages.Remove(id);
        }

        var ids = messageIds.ToHashSet(StringComparer.Ordinal);
        lock (_lock)
        {
            foreach (var id in ids)
            {
                _summaries.Remove(id);
            }

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

    /// <summary>Copies arrived in <paramref name="targetFolder"/>: it lists afresh, and the folders' counts changed.</summary>
    public void CopiedInto(string targetFolder)
    {
        lock (_lock)
        {
            ForgetPagesLocked(targetFolder);
            _folders = null;
        }
    }

    /// <summary>A message was put into a special folder (a Sent or Drafts copy): that folder lists afresh.</summary>
    public void FolderGrew(SpecialFolderKind kind)
    {
        lock (_lock)
        {
            var path = _folders?.FirstOrDefault(f => f.Kind == kind)?.Path;
            foreach (var key in _pages.Keys.Where(k => k.AllFolders || (path is null ? k.Folder != MailFolder.InboxPath : k.Folder == path)).ToList())
            {
                _pages.Remove(key);
            }

            _folders = null;
        }
    }

    /// <summary>After a folder was created, renamed or deleted, or Trash emptied: every cached listing may be stale.</summary>
    public void FoldersChanged()
    {
        lock (_lock)
        {
            _pages.Clear();
            _folders = null;
        }
    }

    /// <summary>The session ended: nothing it cached outlives it.</summary>
    public void Clear()
    {
        Messages.Clear();
        FoldersChanged();
        lock (_lock)
        {
            _summaries.Clear();
        }
    }

    public bool TryGetMessage(string messageId, out RenderedMessage message) => Messages.TryGet(messageId, out message);

    public void AddMessage(RenderedMessage message) => Messages.Add(message);

    /// <summary>Forgets the cached pages of <paramref name="folder"/> and of searches across folders (all pages when null).</summary>
    private void ForgetPagesLocked(string? folder)
    {
        foreach (var key in _pages.Keys.Where(k => folder is null || k.AllFolders || k.Folder == folder).ToList())
        {
            _pages.Remove(key);
        }
    }
}
