using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Sessions;
using WebMail.Testing;

namespace WebMail.Benchmarks;

/// <summary>
/// Very large mailboxes (issue 22): the same listings in a 10,000-message INBOX, a 100,000-message INBOX and a
/// 50,000-message folder, each through the service layer and as the least MailKit code that gets the same page from
/// the server (the yardstick), in one run. What matters is that the service / raw ratio stays where it is at 10,000
/// as the folder grows, and that a session's memory does not grow with it.
/// </summary>
internal static class VeryLargeMailboxBenchmark
{
    private const int PageSize = 50;
    private static readonly MessageSummaryItems PageItems =
        MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope | MessageSummaryItems.Flags | MessageSummaryItems.Size | MessageSummaryItems.BodyStructure;

    private sealed record Action(string Name, MessageQuery Query, Func<IMailFolder, Task<IList<UniqueId>>> RawPage);

    private static readonly Action[] Actions =
    [
        new("first page", new MessageQuery(PageSize: PageSize), folder => NewestAsync(folder, 0)),
        new("next page", new MessageQuery(PageIndex: 1, PageSize: PageSize), folder => NewestAsync(folder, 1)),
        new("search by sender", new MessageQuery(PageSize: PageSize, Search: new MessageSearch(From: "library@school.test")),
            async folder => Newest(await folder.SearchAsync(SearchQuery.FromContains("library@school.test")))),
        new("search in Chinese (subject)", new MessageQuery(PageSize: PageSize, Search: new MessageSearch(Subject: "期末考试")),
            async folder => Newest(await folder.SearchAsync(SearchQuery.SubjectContains("期末考试")))),
        new("sort by sender", new MessageQuery(PageSize: PageSize, Sort: MessageSort.From, Descending: false),
            async folder => First(await folder.SortAsync(SearchQuery.All, [OrderBy.From]))),
        new("sort by subject", new MessageQuery(PageSize: PageSize, Sort: MessageSort.Subject, Descending: false),
            async folder => First(await folder.SortAsync(SearchQuery.All, [OrderBy.Subject]))),
        new("sort by size, largest first", new MessageQuery(PageSize: PageSize, Sort: MessageSort.Size, Descending: true),
            async folder => First(await folder.SortAsync(SearchQuery.All, [OrderBy.ReverseSize]))),
        new("conversations", new MessageQuery(PageSize: PageSize, Threads: true),
            async folder => First(Flatten(await folder.ThreadAsync(ThreadingAlgorithm.References, SearchQuery.All)))),
    ];

    public static async Task<int> RunAsync(IReadOnlyList<(string User, string Folder)> mailboxes, int iterations)
    {
        await using var app = WebMailAppFactory.With(new() { ["Logging:LogLevel:Default"] = "Warning" });
        Console.WriteLine();
        Console.WriteLine($"Very large mailboxes, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, median of {iterations} runs, " +
            "each a fresh connected session with the folder open (service) or a connected client with it selected (raw)");
        Console.WriteLine();
        Console.WriteLine("| folder | messages | action | raw protocol (ms) | service (ms) | service / raw |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var memory = new List<string>();
        foreach (var (user, folder) in mailboxes)
        {
            var size = (await BenchmarkSessions.ListAsync(app, user, new MessageQuery(Folder: folder, PageSize: 1))).TotalCount;
            foreach (var action in Actions)
            {
                var query = action.Query with { Folder = folder };
                var raw = await OrFailureAsync(() => RawAsync(user, folder, action.RawPage, iterations));
                var service = await OrFailureAsync(() => ServiceAsync(app, user, query, iterations));
                var ratio = raw.Ms is { } r && service.Ms is { } v ? $"{v / r:F2}×" : "—";
                Console.WriteLine($"| {folder} | {size:N0} | {action.Name} | {raw.Text} | {service.Text} | {ratio} |");
            }

            memory.Add($"| {folder} | {size:N0} | {await SessionHeapAsync(app, user, folder)} |");
        }

        Console.WriteLine();
        Console.WriteLine("| folder | messages | managed heap one session holds after every action above (KiB) | left after it signed out (KiB) |");
        Console.WriteLine("|---|---|---|---|");
        memory.ForEach(Console.WriteLine);
        return 0;
    }

    /// <summary>The median, or what went wrong (a timeout of the server at this size is a result too, not the end of the run).</summary>
    private static async Task<(double? Ms, string Text)> OrFailureAsync(Func<Task<double>> measure)
    {
        try
        {
            var ms = await measure();
            return (ms, ms.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is IOException or TimeoutException or MailOperationException or OperationCanceledException)
        {
            return (null, $"failed ({(exception as MailOperationException)?.Problem.ToString() ?? exception.GetType().Name})");
        }
    }

    private static Task<double> ServiceAsync(WebMailAppFactory app, string user, MessageQuery query, int iterations) =>
        Measure.MedianAsync(iterations,
            async () =>
            {
                var (session, mailbox) = await BenchmarkSessions.SignInAsync(app, user);
                await mailbox.ListAsync(new MessageQuery(Folder: query.Folder, PageSize: 1), refresh: true, CancellationToken.None);
                return session;
            },
            session => app.Services.GetRequiredService<SessionMailboxes>().For(session).ListAsync(query, refresh: true, CancellationToken.None),
            session => BenchmarkSessions.EndAsync(app, session));

    private static Task<double> RawAsync(string user, string folderPath, Func<IMailFolder, Task<IList<UniqueId>>> page, int iterations) =>
        Measure.MedianAsync(iterations,
            async () =>
            {
                var domain = DemoMailServer.DomainOptions();
                domain.Imap!.TimeoutSeconds = 120; // the yardstick waits as long as the server takes
                var client = await new MailClientFactory().ConnectImapAsync(domain, CancellationToken.None);
                await client.AuthenticateAsync(user, DemoMailServer.TestPassword);
                var folder = folderPath == WebMail.Client.Services.MailFolder.InboxPath ? client.Inbox : await client.GetFolderAsync(folderPath);
                await folder.OpenAsync(FolderAccess.ReadOnly);
                return (client, folder);
            },
            async state => await state.folder.FetchAsync(await page(state.folder), PageItems),
            async state =>
            {
                await state.client.DisconnectAsync(true);
                state.client.Dispose();
            });

    /// <summary>
    /// The managed heap one signed-in session holds after every listing above in that folder: measured while it is
    /// signed in and again once it has signed out, after a first session has warmed up what every session shares
    /// (buffers pooled for the largest answers, compiled code), which would otherwise be counted as the session's.
    /// </summary>
    private static async Task<string> SessionHeapAsync(WebMailAppFactory app, string user, string folder)
    {
        await ListEverythingAsync(app, user, folder, signOut: true);
        var before = ServerMemory.Now();
        var session = await ListEverythingAsync(app, user, folder, signOut: false);
        var signedIn = ServerMemory.Now();
        await BenchmarkSessions.EndAsync(app, session);
        var after = ServerMemory.Now();
        return $"{ServerMemory.KiB(signedIn.Heap - after.Heap)} | {ServerMemory.KiB(after.Heap - before.Heap)}";
    }

    private static async Task<UserSession> ListEverythingAsync(WebMailAppFactory app, string user, string folder, bool signOut)
    {
        var (session, mailbox) = await BenchmarkSessions.SignInAsync(app, user);
        foreach (var action in Actions)
        {
            await mailbox.ListAsync(action.Query with { Folder = folder }, refresh: false, CancellationToken.None);
        }

        if (signOut)
        {
            await BenchmarkSessions.EndAsync(app, session);
        }

        return session;
    }

    private static async Task<IList<UniqueId>> NewestAsync(IMailFolder folder, int pageIndex)
    {
        var end = folder.Count - pageIndex * PageSize;
        var summaries = await folder.FetchAsync(Math.Max(0, end - PageSize), end - 1, MessageSummaryItems.UniqueId);
        return [.. summaries.Select(s => s.UniqueId)];
    }

    private static IList<UniqueId> Newest(IList<UniqueId> uids) => [.. uids.OrderByDescending(u => u.Id).Take(PageSize)];

    private static IList<UniqueId> First(IEnumerable<UniqueId> uids) => [.. uids.Take(PageSize)];

    private static IEnumerable<UniqueId> Flatten(IList<MessageThread> threads) =>
        threads.OrderByDescending(t => Uids(t).Max(u => u.Id)).SelectMany(Uids);

    private static IEnumerable<UniqueId> Uids(MessageThread thread) =>
        (thread.UniqueId is { } uid ? [uid] : Enumerable.Empty<UniqueId>()).Concat(thread.Children.SelectMany(Uids));

}
