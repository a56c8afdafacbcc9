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
    private readonly Dictionary<(int Index, int Size), MessagePage> _pages = [];
    private readonly Lock _pagesLock = new();
    private readonly HashSet<string> _writtenTo = new(StringComparer.OrdinalIgnoreCase);

    public UserSession Session { get; } = session;

    public DecodedMessageCache Cache { get; } = cache;

    public IMailStore Store { get; } = store;

    /// <summary>What the user is writing, kept for the session so no reload or dropped connection loses it.</summary>
    public Client.Services.OutgoingMessage? Draft { get; set; }

    /// <summary>The id of the draft's copy in the server's Drafts folder (IMAP), replaced on every save.</summary>
    public string? DraftCopyId { get; set; }

    public async Task<MessagePage> ListAsync(int pageIndex, int pageSize, bool refresh, CancellationToken cancellationToken)
    {
        lock (_pagesLock)
        {
            if (refresh)
            {
                _pages.Clear();
            }
            else if (_pages.TryGetValue((pageIndex, pageSize), out var cached))
            {
                return cached;
            }
        }

        var (messages, total) = await Store.ListAsync(pageIndex, pageSize, cancellationToken);
        var page = new MessagePage(messages, total, pageIndex, pageSize);
        lock (_pagesLock)
        {
            _pages[(pageIndex, pageSize)] = page;
        }

        return page;
    }

    /// <summary>The decoded message, from the cache or downloaded (and then cached).</summary>
    public async Task<RenderedMessage> OpenAsync(string messageId, CancellationToken cancellationToken)
    {
        if (Cache.TryGet(messageId, out var cached))
        {
            return cached;
        }

        var raw = await Store.DownloadAsync(messageId, cancellationToken);
        var rendered = MessageRenderer.Render(messageId, raw);
        Cache.Add(rendered);
        MarkInPages(messageId, read: true);
        return rendered;
    }

    public async Task DeleteAsync(string messageId, CancellationToken cancellationToken)
    {
        await Store.DeleteAsync(messageId, cancellationToken);
        Cache.Remove(messageId);
        lock (_pagesLock)
        {
            // Later pages shift by one; the next listing asks the server again.
            _pages.Clear();
        }
    }

    public async Task SetReadAsync(string messageId, bool read, CancellationToken cancellationToken)
    {
        await Store.SetReadAsync(messageId, read, cancellationToken);
        MarkInPages(messageId, read);
    }

    public void RememberAddresses(IEnumerable<string> mailboxes)
    {
        lock (_writtenTo)
        {
            _writtenTo.UnionWith(mailboxes);
        }
    }

    /// <summary>People this session read mail from or wrote to: the compose form's suggestions.</summary>
    public IReadOnlyList<string> KnownAddresses()
    {
        List<string> known;
        lock (_pagesLock)
        {
            known = _pages.Values.SelectMany(p => p.Messages)
                .Where(m => m.FromAddress.Contains('@'))
                .Select(m => string.IsNullOrEmpty(m.FromName) ? m.FromAddress : $"{m.FromName} <{m.FromAddress}>")
                .ToList();
        }

        lock (_writtenTo)
        {
            known.AddRange(_writtenTo);
        }

        return known.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCulture).Take(500).ToList();
    }

    private void MarkInPages(string messageId, bool read)
    {
        lock (_pagesLock)
        {
            foreach (var (key, page) in _pages.ToList())
            {
                if (page.Messages.Any(m => m.Id == messageId))
                {
                    _pages[key] = page with { Messages = page.Messages.Select(m => m.Id == messageId ? m with { IsRead = read } : m).ToList() };
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Cache.Clear();
        await Store.DisposeAsync();
    }
}
