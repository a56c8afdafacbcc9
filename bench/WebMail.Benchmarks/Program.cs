using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Benchmarks;
using WebMail.Client.Services;
using WebMail.Server.Mail.Sessions;
using WebMail.Testing;

// Reading benchmark (issue: first inbox page and message opening, IMAP and POP3, 10,000-message INBOX).
// Times are medians of repeated runs in this one process, so the ratios are comparable on a noisy machine.
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
if (args.Length > 0 && args[0] == "load")
{
    // bench/load.sh [USERS] [ROUNDS] [MIN_PAUSE MAX_PAUSE] [protocol|browser]: many users with live circuits.
    var users = args.Length > 1 && int.TryParse(args[1], out var u) ? u : 200;
    var rounds = args.Length > 2 && int.TryParse(args[2], out var r) ? r : 1;
    var minPause = TimeSpan.FromSeconds(args.Length > 3 && double.TryParse(args[3], out var min) ? min : 15);
    var maxPause = TimeSpan.FromSeconds(args.Length > 4 && double.TryParse(args[4], out var max) ? max : 45);
    var client = args.Length > 5 && Enum.TryParse<WebMail.Benchmarks.Load.LoadClient>(args[5], ignoreCase: true, out var kind) ? kind : WebMail.Benchmarks.Load.LoadClient.Protocol;
    return await WebMail.Benchmarks.Load.LoadRun.RunAsync(users, rounds, minPause, maxPause, client);
}

if (args.Length > 0 && args[0] == "large")
{
    // bench/large.sh [ITERATIONS]: a 50,000-message INBOX with and without SORT and THREAD.
    return await LargeFolderBenchmark.RunAsync("test-bench-large@" + DemoMailServer.Domain, args.Length > 1 && int.TryParse(args[1], out var runs) ? runs : 7);
}

if (args.Length > 0 && args[0] == "huge")
{
    // bench/huge.sh [ITERATIONS]: the same listings at 10,000, 100,000 (INBOX) and 50,000 (a folder) messages.
    var huge = "test-bench-huge@" + DemoMailServer.Domain;
    return await VeryLargeMailboxBenchmark.RunAsync(
        [("test-bench@" + DemoMailServer.Domain, MailFolder.InboxPath), (huge, MailFolder.InboxPath), (huge, "Archive")],
        args.Length > 1 && int.TryParse(args[1], out var hugeRuns) ? hugeRuns : 5);
}

if (args.Length > 0 && args[0] == "suggest")
{
    // bench/suggest.sh [ITERATIONS]: suggestions for a 5,000-contact book and the 10,000-person directory.
    return await SuggestionBenchmark.RunAsync(args.Length > 1 && int.TryParse(args[1], out var suggestRuns) ? suggestRuns : 15);
}

if (args.Length > 0 && args[0] == "browser")
{
    // bench/browser.sh [ROUNDS]: sign-in to inbox and opening messages in Chromium, as a student feels them;
    // BENCH_ROUNDCUBE_PORT (set by BENCH_ROUNDCUBE=1 bench/browser.sh) adds Roundcube to the same run.
    var roundcube = int.TryParse(Environment.GetEnvironmentVariable("BENCH_ROUNDCUBE_PORT"), out var port) ? port : (int?)null;
    return await WebMail.Benchmarks.Speed.BrowserSpeedBenchmark.RunAsync(
        args[1], "test-bench@" + DemoMailServer.Domain, args.Length > 2 && int.TryParse(args[2], out var rounds) ? rounds : 7, roundcube);
}

var iterations = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 15;
var user = "test-bench@" + DemoMailServer.Domain;
var raw = new RawProtocolLoops(user, DemoMailServer.TestPassword);
var mailboxSize = await raw.InboxCountAsync();
if (mailboxSize < 10_000)
{
    Console.Error.WriteLine($"{user} has {mailboxSize} messages; run: scripts/mailserver.sh seed {user} {10_000 - mailboxSize}");
    return 1;
}

await using var app = WebMailAppFactory.With(new() { ["Logging:LogLevel:Default"] = "Warning" });
var sessions = app.Services.GetRequiredService<UserSessionStore>();
var contexts = app.Services.GetRequiredService<SessionMailboxes>();
var rows = new List<string>();
foreach (var protocol in new[] { ReadingProtocol.Imap, ReadingProtocol.Pop3 })
{
    var rawPage = await Measure.MedianAsync(iterations, () => protocol == ReadingProtocol.Imap ? raw.ImapFirstPageAsync(50) : raw.Pop3FirstPageAsync(50));
    var servicePage = await Measure.MedianAsync(iterations, async () =>
    {
        var session = await sessions.CreateAsync(user, DemoMailServer.Domain, protocol, DemoMailServer.TestPassword);
        await contexts.For(session).ListAsync(new MessageQuery(PageIndex: 0, PageSize: 50), refresh: false, CancellationToken.None);
        await sessions.EndAsync(session.Id, "benchmark");
    });

    var reader = contexts.For(await sessions.CreateAsync(user, DemoMailServer.Domain, protocol, DemoMailServer.TestPassword));
    var ids = new Queue<string>((await reader.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 50), refresh: false, CancellationToken.None)).Messages.Select(m => m.Id));
    var opened = new List<string>();
    var uncached = await Measure.MedianAsync(iterations, async () =>
    {
        var id = ids.Dequeue();
        opened.Add(id);
        await reader.OpenAsync(id, CancellationToken.None);
    });
    var cachedIndex = 0;
    var cached = await Measure.MedianAsync(iterations * 20, () => reader.OpenAsync(opened[cachedIndex++ % opened.Count], CancellationToken.None));
    rows.Add($"| {protocol.ToString().ToUpperInvariant()} | {mailboxSize:N0} | {rawPage:F1} | {servicePage:F1} | {servicePage / rawPage:F2}× | " +
        $"{uncached:F1} | {cached * 1000:F1} | {reader.Cache.Messages.Count} msgs, {reader.Cache.Messages.Bytes / 1024.0:F0} KiB ({reader.Cache.Messages.Bytes / 1024.0 / Math.Max(1, reader.Cache.Messages.Count):F0} KiB/msg) |");
}

Console.WriteLine();
Console.WriteLine($"WebMail reading benchmark, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, median of {iterations} runs (cached: of {iterations * 20})");
Console.WriteLine();
Console.WriteLine("| protocol | INBOX | raw first page (ms) | service first page (ms) | service / raw | open uncached (ms) | open cached (µs) | session cache after opening |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
rows.ForEach(Console.WriteLine);

var sessionCount = args.Length > 1 && int.TryParse(args[1], out var c) ? c : 200;
var memory = await SessionMemory.MeasureAsync(app, sessionCount);
Console.WriteLine();
Console.WriteLine("Idle signed-in sessions (through the sign-in form, each a real IMAP login; no page open, nothing cached)");
Console.WriteLine();
Console.WriteLine("| sessions | sign-in (ms each) | managed heap per session (KiB) | working set per session (KiB) | heap left after all signed out (KiB) |");
Console.WriteLine("|---|---|---|---|---|");
Console.WriteLine(memory);
return 0;
