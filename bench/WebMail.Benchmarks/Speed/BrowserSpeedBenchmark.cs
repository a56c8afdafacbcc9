using System.Diagnostics;
using Microsoft.Playwright;
using WebMail.Benchmarks.Load;
using WebMail.Testing;

namespace WebMail.Benchmarks.Speed;

/// <summary>
/// What a student feels (issue 18), in a real Chromium against the demo mail server's 10,000-message mailbox: press
/// Sign in until the first 50 rows are shown (and until the page is live), click a row until its body is shown, click
/// the next one; bytes moved from opening the sign-in page to the first inbox; the server's CPU time per action.
/// Each round is a first visit (a fresh browser context: no cookies, no cache) to the published app
/// (<see cref="PublishedApp"/>). Medians of the rounds.
/// </summary>
internal static class BrowserSpeedBenchmark
{
    private const int PageRows = 50;

    public static async Task<int> RunAsync(string publishFolder, string user, int rounds)
    {
        await using var app = await PublishedApp.StartAsync(publishFolder);
        // The browser reaches the app through a relay that counts the bytes on the wire (WebSocket compression included).
        using var wire = new TcpRelay(app.Address.Port);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = DebianChromium.ExecutablePath,
            Headless = true,
            Args = [.. DebianChromium.Arguments],
        });

        var rows = new List<string>();
        IReadOnlyList<(string Url, long Bytes)> lastImapRound = [];
        foreach (var (name, reading, phone) in new[] { ("IMAP", "Imap", false), ("POP3", "Pop3", false), ("IMAP, phone on slow 3G", "Imap", true) })
        {
            var results = new List<RoundResult>();
            for (var round = 0; round <= rounds; round++)
            {
                var (result, largest) = await OneRoundAsync(browser, app, wire, user, reading, phone);
                lastImapRound = name == "IMAP" ? largest : lastImapRound;
                if (round > 0)
                {
                    results.Add(result); // the first round warms the server up (JIT, connection pools)
                }
            }

            rows.Add($"| {name} | {Median(results, r => r.RowsShown):F0} | {Median(results, r => r.Live):F0} | " +
                $"{Median(results, r => r.OpenFirst):F0} | {Median(results, r => r.OpenNext):F0} | {Median(results, r => r.BytesToInbox) / 1024:F0} | " +
                $"{Median(results, r => r.SignInCpu):F0} / {Median(results, r => r.OpenCpu):F0} |");
        }

        Console.WriteLine();
        Console.WriteLine($"WebMail in Chromium, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, mailbox of {user}, " +
            $"median of {rounds} first visits (after one warm-up)");
        Console.WriteLine();
        Console.WriteLine("Slow 3G: WebPageTest's \"3G Slow\" profile (400 ms round trip, 400 kbit/s each way), applied by Chromium, on a 390×844 phone screen.");
        Console.WriteLine();
        Console.WriteLine("| reading | Sign in → 50 rows shown (ms) | Sign in → page live (ms) | click a row → body shown (ms) | click the next row (ms) | " +
            "sign-in page to first inbox (KiB on the wire, HTTP + WebSocket) | server CPU: sign-in / open (ms) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("Largest transfers from the sign-in page to the first inbox (last IMAP round; HTTP as transferred, WebSocket frames before compression):");
        Console.WriteLine();
        Console.WriteLine("| bytes | what |");
        Console.WriteLine("|---|---|");
        foreach (var (url, bytes) in lastImapRound.Take(8))
        {
            Console.WriteLine($"| {bytes:N0} | {url} |");
        }

        return 0;
    }

    private static async Task<(RoundResult, IReadOnlyList<(string Url, long Bytes)>)> OneRoundAsync(
        IBrowser browser, PublishedApp app, TcpRelay wire, string user, string reading, bool phoneOnSlow3G)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = phoneOnSlow3G ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 800 },
            IsMobile = phoneOnSlow3G,
            HasTouch = phoneOnSlow3G,
            Locale = "en-US",
        });
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(BrowserUser.SocketLog);
        var page = await context.NewPageAsync();
        var traffic = await PageTraffic.WatchAsync(page, phoneOnSlow3G ? Slow3G : null);
        var wireBefore = wire.BytesRelayed;

        await page.GotoAsync($"http://127.0.0.1:{wire.Port}/signin");
        await page.Locator("#username").FillAsync(user);
        await page.Locator("#password").FillAsync(DemoMailServer.TestPassword);
        await page.Locator("#reading").SelectOptionAsync(reading);

        var cpu = app.CpuTime;
        var clock = Stopwatch.StartNew();
        await page.Locator("button[type=submit]").ClickAsync();
        await page.Locator("#message-list .message-link").Nth(PageRows - 1).WaitForAsync();
        var rowsShown = clock.Elapsed.TotalMilliseconds;
        await page.Locator("main[data-interactive=true]").WaitForAsync();
        var live = clock.Elapsed.TotalMilliseconds;
        var bytes = wire.BytesRelayed - wireBefore;
        var largest = traffic.Largest();
        var signInCpu = (app.CpuTime - cpu).TotalMilliseconds;

        cpu = app.CpuTime;
        var openFirst = await TimedOpenAsync(page, 0);
        var openNext = await TimedOpenAsync(page, 1);
        var openCpu = (app.CpuTime - cpu).TotalMilliseconds / 2;
        return (new RoundResult(rowsShown, live, openFirst, openNext, bytes, signInCpu, openCpu), largest);
    }

    /// <summary>WebPageTest's "3G Slow": 400 ms round trip, 400 kbit/s down and up.</summary>
    private static readonly NetworkConditions Slow3G = new(LatencyMs: 400, BytesPerSecond: 400_000 / 8);

    private static async Task<double> TimedOpenAsync(IPage page, int index)
    {
        var times = await page.EvaluateAsync<double[]>(BrowserUser.TimedClick, new object[] { "message", index, "", 30_000 });
        if (Environment.GetEnvironmentVariable("BENCH_SPLIT") == "1")
        {
            Console.Error.WriteLine($"open {index}: total {times[0]:F0} ms, request sent at {times[1]:F0}, last message received at {times[2]:F0}");
        }

        return times[0];
    }

    private static double Median(List<RoundResult> results, Func<RoundResult, double> value)
    {
        var sorted = results.Select(value).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private sealed record RoundResult(double RowsShown, double Live, double OpenFirst, double OpenNext, double BytesToInbox, double SignInCpu, double OpenCpu);
}
