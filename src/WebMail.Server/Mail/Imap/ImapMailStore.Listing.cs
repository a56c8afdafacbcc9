using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using WebMail.Client.Services;
using MailFolder = WebMail.Client.Services.MailFolder;
using MessageSummary = WebMail.Client.Services.MessageSummary;

namespace WebMail.Server.Mail.Imap;

/// <summary>
/// Listing: the plain folder view by sequence numbers (cheapest), and searches, sort orders and conversations
/// run by the server (SEARCH, SORT, THREAD), with local fallbacks for servers without SORT or THREAD. Only the
/// page's summaries are ever fetched.
/// </summary>
public sealed partial class ImapMailStore
{
    /// <summary>A search across all folders looks at the newest this many matches of each folder.</summary>
    public const int MaxMatchesPerFolder = 2_000;

    private const MessageSummaryItems SummaryItems = MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope
        | MessageSummaryItems.Flags | MessageSummaryItems.Size | MessageSummaryItems.BodyStructure
        | MessageSummaryItems.InternalDate; // the date of a message whose Date header is missing or unreadable

    public Task<MessagePage> ListAsync(MessageQuery query, CancellationToken cancellationToken) =>
        query.AllFolders && query.HasSearch
            ? SearchAllFoldersAsync(query, cancellationToken)
            : RunAsync(async (client, token) =>
            {
                var folder = await OpenFolderAsync(query.Folder, token);
                // NOOP lets the server tell this long-lived connection what other clients changed (new mail, flags, expunges).
                await client.NoOpAsync(token);
                if (query.IsPlainView)
                {
                    return await NewestFirstPageAsync(folder, query, token);
                }

                if (_utf8SearchRefused && query.HasSearch && HasNonAscii(query.Search!))
                {
                    return await SearchHeadersHereAsync(folder, query, token);
                }

                var watcher = client.ProtocolLogger as Connections.ServerReplyWatcher;
                watcher?.WatchSearch();
                List<(UniqueId, int)> ordered;
                var newestOnly = false;
                try
                {
                    (ordered, newestOnly) = query.Threads
                        ? await ThreadOrderAsync(client, folder, query, token)
                        : await SortedAsync(client, folder, query, token);
                }
                catch (ImapCommandException) when (watcher?.Utf8SearchRefused == true)
                {
                    ordered = [];
                }
                finally
                {
                    watcher?.StopWatchingSearch();
                }

                if (watcher?.Utf8SearchRefused == true)
                {
                    // MailKit retried in US-ASCII, which cannot find Chinese: that answer is not the search's.
                    _utf8SearchRefused = true;
                    return await SearchHeadersHereAsync(folder, query, token);
                }

                var slice = ordered.Skip(query.PageIndex * query.PageSize).Take(query.PageSize).ToList();
                var levels = slice.ToDictionary(s => s.Item1, s => s.Item2);
                return new MessagePage(
                    await SummariesInOrderAsync(folder, [.. slice.Select(s => s.Item1)], levels, token), ordered.Count, query.PageIndex, query.PageSize)
                {
                    SortedNewestOnly = newestOnly,
                };
            }, cancellationToken);

    private static async Task<MessagePage> NewestFirstPageAsync(IMailFolder folder, MessageQuery query, CancellationToken cancellationToken)
    {
        var total = folder.Count;
        var newest = total - 1 - (query.PageIndex * query.PageSize);
        if (newest < 0)
        {
            return new MessagePage([], total, query.PageIndex, query.PageSize);
        }

        var oldest = Math.Max(0, newest - query.PageSize + 1);
        var summaries = await folder.FetchAsync(oldest, newest, SummaryItems, cancellationToken);
        return new MessagePage([.. summaries.OrderByDescending(s => s.Index).Select(s => ToSummary(folder, s))], total, query.PageIndex, query.PageSize);
    }

    /// <summary>
    /// The server cannot search in UTF-8 (Exchange): the headers of the folder's newest messages are searched here,
    /// bounded as POP3's are, and the page's lines then fetched whole. The message text is not searched; the page says so.
    /// </summary>
    private static async Task<MessagePage> SearchHeadersHereAsync(IMailFolder folder, MessageQuery query, CancellationToken cancellationToken)
    {
        var count = folder.Count;
        var headers = count == 0 ? [] : await folder.FetchAsync(
            Math.Max(0, count - HeaderSearch.MaxScannedMessages), count - 1,
            MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope | MessageSummaryItems.Flags | MessageSummaryItems.Size, cancellationToken);
        var found = HeaderSearch.Page(headers.Select(h => ToSummary(folder, h)), query);
        var uids = found.Messages.Select(m => ImapMessageId.TryParse(m.Id, out var id) ? id.UniqueId : UniqueId.Invalid).ToList();
        return found with { Messages = await SummariesInOrderAsync(folder, uids, null, cancellationToken), BodyNotSearched = true };
    }

    private static bool HasNonAscii(MessageSearch search) =>
        new[] { search.Text, search.From, search.To, search.Subject, search.Body }.Any(term => term?.Any(c => c > 127) == true);

    /// <returns>The matches in the query's order; <c>NewestOnly</c> when the server could not sort and only the newest were.</returns>
    private async Task<(List<(UniqueId, int)> Ordered, bool NewestOnly)> SortedAsync(ImapClient client, IMailFolder folder, MessageQuery query, CancellationToken cancellationToken)
    {
        var search = ImapSearchQueries.From(query.Search);
        var order = new OrderBy(query.Sort switch
        {
            MessageSort.From => OrderByType.From,
            MessageSort.Subject => OrderByType.Subject,
            MessageSort.Size => OrderByType.Size,
            _ => OrderByType.Date,
        }, query.Descending ? SortOrder.Descending : SortOrder.Ascending);
        if (client.Capabilities.HasFlag(ImapCapabilities.Sort))
        {
            return (Unthreaded(await folder.SortAsync(search, [order], cancellationToken)), false);
        }

        // No SORT on this server (Coremail, Exchange, Tencent). By date, arrival order (UIDs grow as mail arrives)
        // stands in for the Date header, as other clients do there: the first page of a 50,000-message folder then
        // needs no envelope but its own page's.
        var matches = (await folder.SearchAsync(search, cancellationToken)).OrderBy(uid => uid.Id).ToList();
        if (query.Sort == MessageSort.Date)
        {
            return (Unthreaded(query.Descending ? Enumerable.Reverse(matches) : matches), false);
        }

        // Other orders need every envelope: bounded to the newest matches, and the page says so.
        return await LocallyOrderedAsync(folder, matches, $"{order.Type} {order.Order}", async (considered, token) =>
        {
            var items = await folder.FetchAsync(
                UidSets.Ascending(considered), MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope | MessageSummaryItems.Size, token);
            return Unthreaded(items.Sort([order]).Select(s => s.UniqueId));
        }, cancellationToken);
    }

    /// <summary>Conversations, the one with the newest message first, each as its messages in reply order with their depth.</summary>
    private async Task<(List<(UniqueId, int)> Ordered, bool NewestOnly)> ThreadOrderAsync(ImapClient client, IMailFolder folder, MessageQuery query, CancellationToken cancellationToken)
    {
        var search = ImapSearchQueries.From(query.Search);
        if (client.ThreadingAlgorithms.Contains(ThreadingAlgorithm.References))
        {
            return (InConversations(await folder.ThreadAsync(ThreadingAlgorithm.References, search, cancellationToken)), false);
        }

        // No THREAD: conversations are built here from the envelopes, bounded to the newest matches as sorting is.
        var matches = (await folder.SearchAsync(search, cancellationToken)).OrderBy(uid => uid.Id).ToList();
        return await LocallyOrderedAsync(folder, matches, "threads", async (considered, token) =>
        {
            var items = await folder.FetchAsync(
                UidSets.Ascending(considered), MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope | MessageSummaryItems.References, token);
            return InConversations(items.Thread(ThreadingAlgorithm.References));
        }, cancellationToken);
    }

    /// <summary>
    /// An order worked out here from the newest <c>maxLocalSort</c> of <paramref name="matches"/> (ascending), or the
    /// one worked out for exactly those messages before (<see cref="LocalOrderCache"/>).
    /// </summary>
    private async Task<(List<(UniqueId, int)> Ordered, bool NewestOnly)> LocallyOrderedAsync(IMailFolder folder, List<UniqueId> matches, string order,
        Func<List<UniqueId>, CancellationToken, Task<List<(UniqueId, int)>>> work, CancellationToken cancellationToken)
    {
        var newestOnly = matches.Count > maxLocalSort;
        var considered = newestOnly ? matches[^maxLocalSort..] : matches;
        if (considered.Count == 0)
        {
            return ([], false);
        }

        if (_localOrders.Find(folder.FullName, folder.UidValidity, order, considered) is not { } ordered)
        {
            ordered = await work(considered, cancellationToken);
            _localOrders.Keep(folder.FullName, folder.UidValidity, order, considered, ordered);
        }

        return (ordered, newestOnly);
    }

    /// <remarks>
    /// Enumerated, never indexed: MailKit answers SORT and SEARCH with a <see cref="UniqueIdSet"/>, whose indexer walks
    /// its ranges from the start, and LINQ's Select over an <see cref="IList{T}"/> indexes it: a sorted page of a
    /// 100,000-message folder took 5 to 9 seconds that way (bench/huge.sh).
    /// </remarks>
    internal static List<(UniqueId, int)> Unthreaded(IEnumerable<UniqueId> uids)
    {
        var ordered = new List<(UniqueId, int)>();
        foreach (var uid in uids)
        {
            ordered.Add((uid, 0));
        }

        return ordered;
    }

    private static List<(UniqueId, int)> InConversations(IList<MessageThread> threads) =>
        threads.Select(thread =>
            {
                var messages = new List<(UniqueId, int)>();
                Flatten(thread, 0, messages);
                return messages;
            })
            .Where(messages => messages.Count > 0)
            .OrderByDescending(messages => messages.Max(m => m.Item1.Id))
            .SelectMany(messages => messages)
            .ToList();

    private static void Flatten(MessageThread thread, int level, List<(UniqueId, int)> into)
    {
        // A missing parent (a reply whose original is not here) leaves no line and no extra indent.
        var childLevel = level;
        if (thread.UniqueId is { } uid)
        {
            into.Add((uid, level));
            childLevel = level + 1;
        }

        foreach (var child in thread.Children)
        {
            Flatten(child, childLevel, into);
        }
    }

    private Task<MessagePage> SearchAllFoldersAsync(MessageQuery query, CancellationToken cancellationToken) =>
        RunAsync(async (client, token) =>
        {
            var search = ImapSearchQueries.From(query.Search);
            var folders = await client.GetFoldersAsync(client.PersonalNamespaces[0], StatusItems.None, subscribedOnly: false, token);
            var paths = folders.Where(f => !f.Attributes.HasFlag(FolderAttributes.NoSelect) && !f.Attributes.HasFlag(FolderAttributes.NonExistent))
                .Select(f => f.FullName).Prepend(client.Inbox.FullName).Distinct().ToList();
            var matches = new List<(string Folder, UniqueId Uid, DateTimeOffset Date)>();
            foreach (var path in paths)
            {
                var folder = await OpenFolderAsync(path, token);
                var uids = await folder.SearchAsync(search, token);
                if (uids.Count == 0)
                {
                    continue;
                }

                var newest = uids.OrderByDescending(u => u.Id).Take(MaxMatchesPerFolder).ToList();
                var dates = await folder.FetchAsync(UidSets.Ascending(newest), MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate, token);
                matches.AddRange(dates.Select(d => (path, d.UniqueId, d.InternalDate ?? DateTimeOffset.MinValue)));
            }

            var slice = matches.OrderByDescending(m => m.Date).Skip(query.PageIndex * query.PageSize).Take(query.PageSize).ToList();
            var page = new List<MessageSummary>();
            foreach (var group in slice.GroupBy(m => m.Folder))
            {
                var folder = await OpenFolderAsync(group.Key, token);
                page.AddRange(await SummariesInOrderAsync(folder, [.. group.Select(m => m.Uid)], null, token));
            }

            // Back into date order across folders (each folder's part was fetched in one go).
            var position = slice.Select((m, i) => (Id: new ImapMessageId(ImapMessageId.IsInbox(m.Folder) ? MailFolder.InboxPath : m.Folder, m.Uid.Validity, m.Uid.Id).ToString(), i))
                .ToDictionary(p => p.Id, p => p.i);
            return new MessagePage([.. page.OrderBy(s => position.GetValueOrDefault(s.Id, int.MaxValue))], matches.Count, query.PageIndex, query.PageSize);
        }, cancellationToken);

    private static async Task<List<MessageSummary>> SummariesInOrderAsync(
        IMailFolder folder, IList<UniqueId> uids, Dictionary<UniqueId, int>? levels, CancellationToken cancellationToken)
    {
        if (uids.Count == 0)
        {
            return [];
        }

        var fetched = (await folder.FetchAsync(UidSets.Ascending(uids), SummaryItems, cancellationToken)).ToDictionary(s => s.UniqueId);
        return uids.Where(fetched.ContainsKey)
            .Select(uid => ToSummary(folder, fetched[uid]) with { ThreadLevel = levels?.GetValueOrDefault(uid) ?? 0 })
            .ToList();
    }

    private static MessageSummary ToSummary(IMailFolder folder, IMessageSummary summary)
    {
        var envelope = summary.Envelope;
        var from = envelope?.From.Mailboxes.FirstOrDefault();
        var id = ImapMessageId.Of(folder, summary.UniqueId);
        var flags = summary.Flags ?? MessageFlags.None;
        return new MessageSummary(
            id.ToString(),
            from?.Name ?? "",
            from?.Address ?? "",
            envelope?.Subject ?? "",
            envelope?.Date ?? summary.InternalDate ?? DateTimeOffset.MinValue,
            (long)(summary.Size ?? 0),
            flags.HasFlag(MessageFlags.Seen),
            // As the reader decides: also files sent as named parts without a Content-Disposition.
            summary.Body is not null && OfferedParts(summary).Any())
        {
            IsFlagged = flags.HasFlag(MessageFlags.Flagged),
            IsAnswered = flags.HasFlag(MessageFlags.Answered),
            ReceiptHandled = summary.Keywords?.Contains(ReceiptHandledKeyword) == true,
            Folder = id.Folder,
            To = string.Join(", ", envelope?.To.Mailboxes.Select(m => string.IsNullOrEmpty(m.Name) ? m.Address : m.Name) ?? []),
        };
    }
}
