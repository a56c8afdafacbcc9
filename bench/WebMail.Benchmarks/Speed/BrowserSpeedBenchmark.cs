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
    internal const int PageRows = 50;

    /// <summary>
    /// A student looks at the list, or the message, before clicking on: and Roundcube delays the preview of a row
    /// picked within 400 ms of the last (app.js's preview_delay_select, meant for arrowing down the list).
    /// </summary>
    internal static readonly TimeSpan ReadingPause = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The first row clicked is the third: WebMail fetches the newest message ahead at sign-in, so clicking the top
    /// row would time only that; the third is fetched when clicked, as most are.
    /// </summary>
    internal const int FirstClickedRow = 2;

    /// <summary>
    /// The first row under the two clicked ones whose body is HTML (the seeded mailbox mixes text and HTML bodies),
    /// found in the warm-up round: an HTML body is shown in a sandboxed frame of its own, loaded after the reader.
    /// The same row is clicked in Roundcube (same mailbox, same order).
    /// </summary>
    internal static int HtmlRow { get; private set; } = -1;

    /// <summary>
    /// The first row under <see cref="HtmlRow"/> (past the one prefetched under it) whose HTML body is formatted text
    /// only, which the reader shows in the page without a frame (InPageHtml); -1 when the first page has none.
    /// </summary>
    internal static int InPageHtmlRow { get; private set; } = -1;

    /// <param name="roundcube">Roundcube's port on 127.0.0.1 (bench/roundcube.sh), for same-run ratios; null without.</param>
    public static async Task<int> RunAsync(string publishFolder, string user, int rounds, int? roundcube)
    {
        await using var app = await PublishedApp.StartAsync(publishFolder);
        // The browser reaches each webmail through a relay that counts the bytes on the wire (WebSocket compression included).
        using var wire = new TcpRelay(app.Address.Port);
        using var roundcubeWire = roundcube is { } port ? new TcpRelay(port) : null;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = DebianChromium.ExecutablePath,
            Headless = true,
            Args = [.. DebianChromium.Arguments],
        });

        var variants = new List<(string Name, Func<Task<BrowserRoundResult>> Round)>
        {
            ("IMAP", () => OneRoundAsync(browser, app, wire, user, "Imap", phoneOnSlow3G: false)),
            ("POP3", () => OneRoundAsync(browser, app, wire, user, "Pop3", phoneOnSlow3G: false)),
            ("IMAP, phone on slow 3G", () => OneRoundAsync(browser, app, wire, user, "Imap", phoneOnSlow3G: true)),
            ("IMAP, phone on slow 3G, 3rd row clicked before live", () => OneRoundAsync(browser, app, wire, user, "Imap", phoneOnSlow3G: true, clickBeforeLive: true)),
        };
        if (roundcubeWire is not null)
        {
            variants.Add(("Roundcube 1.6, IMAP", () => RoundcubeRound.RunAsync(browser, roundcubeWire, user)));
        }

        // The webmails take turns within each round, so a busy moment of the shared machine falls on all of them.
        var results = variants.ToDictionary(v => v.Name, _ => new List<BrowserRoundResult>());
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var (name, run) in variants)
            {
                var result = await run();
                if (round > 0)
                {
                    results[name].Add(result); // the first round warms the servers up (JIT, connection pools, PHP's opcache)
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"WebMail in Chromium, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, mailbox of {user}, " +
            $"median of {rounds} first visits (after one warm-up)");
        Console.WriteLine();
        Console.WriteLine("Slow 3G: WebPageTest's \"3G Slow\" profile (400 ms round trip, 400 kbit/s each way), applied by Chromium, on a 390×844 phone screen.");
        Console.WriteLine();
        Console.WriteLine("| reading | Sign in → 50 rows shown (ms) | Sign in → page live (ms) | click the 3rd row → body shown (ms) | click the row under it (ms) | " +
            $"click row {HtmlRow + 1}, the first HTML body (ms) | click row {InPageHtmlRow + 1}, an HTML body of formatted text (ms) | sign-in page to first inbox (KiB on the wire, HTTP + WebSocket) | server CPU: sign-in / open (ms) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, list) in results)
        {
            Console.WriteLine($"| {name} | {Median(list, r => r.RowsShown)} | {Median(list, r => r.Live)} | {Median(list, r => r.OpenFirst)} | " +
                $"{Median(list, r => r.OpenNext)} | {Median(list, r => r.OpenHtml)} | {Median(list, r => r.OpenInPageHtml)} | {Median(list, r => r.BytesToInbox / 1024)} | {Median(list, r => r.SignInCpu)} / {Median(list, r => r.OpenCpu)} |");
        }

        if (roundcubeWire is not null)
        {
            PrintRatios(results["IMAP"], results["Roundcube 1.6, IMAP"]);
        }

        Console.WriteLine();
        Console.WriteLine("Largest transfers from the sign-in page to the first inbox (last IMAP round; HTTP as transferred, WebSocket frames before compression):");
        Console.WriteLine();
        Console.WriteLine("| bytes | what |");
        Console.WriteLine("|---|---|");
        foreach (var (url, bytes) in results["IMAP"][^1].Largest.Take(8))
        {
            Console.WriteLine($"| {bytes:N0} | {url} |");
        }

        return 0;
    }

    // Each round's medians of WebMail over Roundcube's, against the issue's targets.
    private static void PrintRatios(List<BrowserRoundResult> webMail, List<BrowserRoundResult> roundcube)
    {
        string Ratio(Func<BrowserRoundResult, double> value) =>
            $"{MedianValue(webMail, value) / MedianValue(roundcube, value):F2}";

        Console.WriteLine();
        Console.WriteLine("| WebMail (IMAP) / Roundcube, same run | Sign in → 50 rows | click the 3rd row | click the row under it | click the first HTML body | click an HTML body of formatted text | bytes to the first inbox |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine($"| ratio | {Ratio(r => r.RowsShown)} | {Ratio(r => r.OpenFirst)} | {Ratio(r => r.OpenNext)} | {Ratio(r => r.OpenHtml)} | {Ratio(r => r.OpenInPageHtml)} | {Ratio(r => r.BytesToInbox)} |");
        Console.WriteLine("| target (issue 18) | ≤ 0.50 | ≤ 0.25 | ≤ 0.25 | ≤ 0.25 | ≤ 0.25 | — |");
    }

    private static async Task<BrowserRoundResult> OneRoundAsync(
        IBrowser browser, PublishedApp app, TcpRelay wire, string user, string reading, bool phoneOnSlow3G, bool clickBeforeLive = false)
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
        await InPageClock.WatchAsync(context, "rows", "#message-list .message-link", PageRows);
        await InPageClock.WatchAsync(context, "live", "main[data-interactive=true]");
        var page = await context.NewPageAsync();
        var traffic = await PageTraffic.WatchAsync(page, phoneOnSlow3G ? Slow3G : null);
        var wireBefore = wire.BytesRelayed;

        await page.GotoAsync($"http://127.0.0.1:{wire.Port}/signin");
        await page.Locator("#username").FillAsync(user);
        await page.Locator("#password").FillAsync(DemoMailServer.TestPassword);
        await page.Locator("#reading").SelectOptionAsync(reading);

        var cpu = app.CpuTime;
        await page.Locator("button[type=submit]").ClickAsync();
        var rowsShown = await InPageClock.ShownAtAsync(page, "rows");
        if (clickBeforeLive)
        {
            var opened = await OpenBeforeLiveAsync(page, FirstClickedRow);
            return new BrowserRoundResult(rowsShown, double.NaN, opened, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var live = await InPageClock.ShownAtAsync(page, "live");
        if (Environment.GetEnvironmentVariable("BENCH_TIMELINE") is var timeline && (phoneOnSlow3G ? timeline == "1" : timeline == "desktop"))
        {
            await Task.Delay(TimeSpan.FromSeconds(1)); // what follows the first live render
            Console.Error.WriteLine($"{(phoneOnSlow3G ? "phone on slow 3G" : reading)}: rows shown at {rowsShown:F0} ms, live at {live:F0} ms");
            foreach (var line in traffic.Timeline())
            {
                Console.Error.WriteLine(line);
            }
        }

        var bytes = wire.BytesRelayed - wireBefore;
        var signInCpu = (app.CpuTime - cpu).TotalMilliseconds;

        cpu = app.CpuTime;
        await Task.Delay(ReadingPause);
        var openFirst = await TimedOpenAsync(page, FirstClickedRow);
        await Task.Delay(ReadingPause);
        var openNext = await TimedOpenAsync(page, FirstClickedRow + 1);
        var openCpu = (app.CpuTime - cpu).TotalMilliseconds / 2;
        if (HtmlRow < 0)
        {
            HtmlRow = await FindRowAsync(page, FirstClickedRow + 2, ".mail-reader iframe.message-frame");
            InPageHtmlRow = await FindRowAsync(page, HtmlRow + 2, ".mail-reader .message-html", required: false);
            return new BrowserRoundResult(rowsShown, live, openFirst, openNext, bytes, signInCpu, openCpu);
        }

        await Task.Delay(ReadingPause);
        var openHtml = await TimedOpenAsync(page, HtmlRow);
        var openInPageHtml = double.NaN;
        if (InPageHtmlRow >= 0)
        {
            await Task.Delay(ReadingPause);
            openInPageHtml = await TimedOpenAsync(page, InPageHtmlRow);
        }

        return new BrowserRoundResult(rowsShown, live, openFirst, openNext, bytes, signInCpu, openCpu)
        {
            OpenHtml = openHtml,
            OpenInPageHtml = openInPageHtml,
            Largest = traffic.Largest(),
        };
    }

    /// <summary>Opens the rows from <paramref name="first"/> on until one shows its body as <paramref name="body"/> (warm-up round only).</summary>
    private static async Task<int> FindRowAsync(IPage page, int first, string body, bool required = true)
    {
        for (var row = first; row < PageRows; row++)
        {
            await TimedOpenAsync(page, row);
            if (await page.Locator(body).CountAsync() > 0)
            {
                return row;
            }
        }

        return required ? throw new InvalidOperationException($"no message shown as {body} on the first page") : -1;
    }

    /// <summary>
    /// A student on a slow phone clicks a row as soon as the rows are there, before the page is live: the link works
    /// without the live connection (a page load, or Blazor's enhanced navigation once its script is in), and the
    /// message comes in the prerendered HTML. Click until the reader shows its subject (Playwright's own wait).
    /// </summary>
    private static async Task<double> OpenBeforeLiveAsync(IPage page, int index)
    {
        var link = page.Locator("#message-list .message-link").Nth(index);
        var subject = (await link.Locator(".message-subject").First.TextContentAsync())?.Trim() ?? "";
        if (await page.Locator("main[data-interactive=true]").CountAsync() > 0)
        {
            Console.Error.WriteLine("the page was live before the click: not a click before live");
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await link.ClickAsync();
        await page.Locator("#message-subject", new() { HasTextString = subject }).WaitForAsync();
        return clock.Elapsed.TotalMilliseconds;
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

    private static double MedianValue(List<BrowserRoundResult> results, Func<BrowserRoundResult, double> value) =>
        Measure.Median(results.Select(value));

    // A table cell: "—" where the webmail has no such moment (Roundcube's page is live when its rows are shown).
    private static string Median(List<BrowserRoundResult> results, Func<BrowserRoundResult, double> value) =>
        MedianValue(results, value) is var median && double.IsNaN(median) ? "—" : $"{median:F0}";
}

/// <summary>One first visit's times (ms), bytes on the wire to the first inbox and the server's CPU time (ms; NaN where not measured).</summary>
internal sealed record BrowserRoundResult(double RowsShown, double Live, double OpenFirst, double OpenNext, double BytesToInbox, double SignInCpu, double OpenCpu)
{
    /// <summary>Clicking the first row with an HTML body (<see cref="BrowserSpeedBenchmark.HtmlRow"/>) until its frame has loaded; NaN where not timed.</summary>
    public double OpenHtml { get; init; } = double.NaN;

    /// <summary>Clicking <see cref="BrowserSpeedBenchmark.InPageHtmlRow"/> until its body is shown; NaN where not timed.</summary>
    public double OpenInPageHtml { get; init; } = double.NaN;

    /// <summary>The largest transfers to the first inbox, largest first (only where the page's traffic was watched).</summary>
    public IReadOnlyList<(string Url, long Bytes)> Largest { get; init; } = [];
}
