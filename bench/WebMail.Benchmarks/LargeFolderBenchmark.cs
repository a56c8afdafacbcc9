using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Server.Mail.Sessions;
using WebMail.Testing;
using WebMail.Testing.Quirks;

namespace WebMail.Benchmarks;

/// <summary>
/// A 50,000-message INBOX on a server without SORT or THREAD (Tencent Exmail's profile through the quirk relay: no
/// SORT, no THREAD, ascending UID sets only) next to the same mailbox with them (the same relay, changing nothing),
/// alternating in one run (issue 17). Each run is a fresh session, already connected with the folder open, so the
/// time is the listing's own and nothing is in the session's caches; "next page" follows a first page untimed.
/// </summary>
internal static class LargeFolderBenchmark
{
    private static readonly MessageSearch FromLibrary = new(From: "library@school.test");

    private static readonly (string Name, MessageQuery Query, MessageQuery? Before)[] Actions =
    [
        ("first page, newest first", new MessageQuery(PageSize: 50), null),
        ("search by sender, by date", new MessageQuery(PageSize: 50, Search: FromLibrary), null),
        ("by sender, first page", new MessageQuery(PageSize: 50, Sort: MessageSort.From, Descending: false), null),
        ("by sender, next page", new MessageQuery(PageIndex: 1, PageSize: 50, Sort: MessageSort.From, Descending: false),
            new MessageQuery(PageSize: 50, Sort: MessageSort.From, Descending: false)),
        ("by subject, search results", new MessageQuery(PageSize: 50, Search: FromLibrary, Sort: MessageSort.Subject, Descending: false), null),
        ("conversations, first page", new MessageQuery(PageSize: 50, Threads: true), null),
    ];

    public static async Task<int> RunAsync(string user, int iterations)
    {
        await using var withSort = new ImapQuirkRelay(ImapQuirks.None);
        await using var withoutSort = new ImapQuirkRelay(ImapQuirks.TencentExmail);
        await using var withSortApp = WebMailAppFactory.With(Quiet(withSort.AppConfiguration()));
        await using var withoutSortApp = WebMailAppFactory.With(Quiet(withoutSort.AppConfiguration()));
        var size = (await BenchmarkSessions.ListAsync(withSortApp, user, new MessageQuery(PageSize: 1))).TotalCount;

        Console.WriteLine();
        Console.WriteLine($"Large folder without SORT or THREAD, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, INBOX of {size:N0}, " +
            $"median of {iterations} runs, each a fresh connected session");
        Console.WriteLine();
        Console.WriteLine("| action | with SORT and THREAD (ms) | without (ms) | without / with | messages ordered (without) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (name, query, before) in Actions)
        {
            var with = await TimeAsync(withSortApp, user, query, before, iterations);
            var without = await TimeAsync(withoutSortApp, user, query, before, iterations);
            var page = await BenchmarkSessions.ListAsync(withoutSortApp, user, query);
            var ordered = page.SortedNewestOnly ? $"newest {page.TotalCount:N0} (page says so)" : $"all {page.TotalCount:N0}";
            Console.WriteLine($"| {name} | {with:F1} | {without:F1} | {without / with:F2}× | {ordered} |");
        }

        return 0;
    }

    private static Task<double> TimeAsync(WebMailAppFactory app, string user, MessageQuery query, MessageQuery? before, int iterations) =>
        Measure.MedianAsync(iterations,
            async () =>
            {
                var (session, mailbox) = await BenchmarkSessions.SignInAsync(app, user);
                await mailbox.ListAsync(before ?? new MessageQuery(PageSize: 1), refresh: true, CancellationToken.None);
                return (session, mailbox);
            },
            state => state.mailbox.ListAsync(query, refresh: true, CancellationToken.None),
            state => BenchmarkSessions.EndAsync(app, state.session));

    private static Dictionary<string, string?> Quiet(Dictionary<string, string?> settings)
    {
        settings["Logging:LogLevel:Default"] = "Warning";
        return settings;
    }
}
