using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WebMail.Server.Mail.Sessions;
using WebMail.Testing;

namespace WebMail.Benchmarks.Load;

/// <summary>
/// Many students at once (issue 9): each signs in through the real form in a browser context of its own in one
/// headless Chromium, keeps its live circuit, and reads: opens messages and turns pages, with a pause between
/// actions. Prints latency percentiles by kind of action, throughput, errors, and the server's memory before,
/// with everyone signed in, at the end of the reading and after everyone signed out.
/// </summary>
internal static class LoadRun
{
    public const string UserPrefix = "test-load";

    private const string OpenFirst = "open message, first time (IMAP fetch)";
    private const string OpenCached = "open message again (session cache)";
    private const string PageFirst = "older page, first time (IMAP)";
    private const string PageCached = "page seen before (session cache)";
    private const string SignIn = "sign-in to inbox shown";

    // The parts of an action (see ActionTiming), as rows under it.
    private const string Clicked = ": click to request sent";
    private const string Answered = ": request to last message handed to the page";
    private const string Drawn = ": that message to result drawn";

    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(int users, int rounds, TimeSpan minPause, TimeSpan maxPause, LoadClient client)
    {
        // Each user reaches the server at a loopback address of its own (see BrowserUser), all on one port.
        var port = FreePort.Find();
        var endpoints = Enumerable.Range(0, users)
            .Select(i => new System.Net.IPEndPoint(System.Net.IPAddress.Parse(BrowserUser.HostFor(i)), port)).ToList();
        // The protocol client's cookie jar sends Secure cookies only over HTTPS (Chromium also sends them to loopback).
        var settings = client == LoadClient.Protocol ? WebMailServerFactory.PlainHttpCookies() : [];
        settings["Logging:LogLevel:Default"] = "Warning";
        await using var app = WebMailServerFactory.ListeningOn(settings, endpoints);
        var server = new Uri($"http://{BrowserUser.HostFor(0)}:{port}/");
        await using var browser = client == LoadClient.Browser ? await BrowserForUsersAsync() : null;
        Func<int, Task<ILoadUser>> signIn = browser is null
            ? i => CircuitUser.SignInAsync(new UriBuilder(server) { Host = BrowserUser.HostFor(i) }.Uri, Address(i), DemoMailServer.TestPassword, CancellationToken.None)
            : i => BrowserUser.SignInAsync(browser.Context, server, i, Address(i), DemoMailServer.TestPassword);
        var sessions = app.Services.GetRequiredService<UserSessionStore>();
        var table = new LatencyTable();
        var parts = new LatencyTable();
        using var blazor = new BlazorTimings();

        // Warm-up: compiled pages, pools and the first circuit are shared by everyone after, so not counted per session.
        for (var i = 0; i < 3; i++)
        {
            var warm = await signIn(i % users);
            await warm.OpenMessageAsync(0);
            await warm.SignOutAsync();
        }

        var before = ServerMemory.Now();
        var clock = Stopwatch.StartNew();
        var signedIn = await ForAllAsync(Enumerable.Range(0, users).ToList(), concurrency: 4, async i =>
        {
            var started = Stopwatch.StartNew();
            var user = await signIn(i);
            table.Add(SignIn, started.Elapsed.TotalMilliseconds);
            if (table.Count % 25 == 0)
            {
                Console.Error.WriteLine($"load: {table.Count} signed in");
            }

            return user;
        }, table, SignIn);
        var signInSeconds = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"load: {signedIn.Count} signed in in {signInSeconds:F0} s; reading…");
        // Idle for a moment first: the sign-in page loads leave buffers that the server's pools release after a while.
        await Task.Delay(SettleTime);
        var idle = ServerMemory.Now();
        var peakWorkingSet = idle.WorkingSet;

        var ticks = 0;
        long peakQueued = 0;
        using var sampler = new Timer(_ =>
        {
            using var process = Process.GetCurrentProcess();
            peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
            peakQueued = Math.Max(peakQueued, ThreadPool.PendingWorkItemCount);
            if (++ticks % 60 == 0)
            {
                Console.Error.WriteLine($"load: {table.Count} actions timed, {table.Errors.Count} errors");
            }
        }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
        var actionsBefore = table.Count;
        var cpu = CpuByProgram.Start();
        blazor.Record();
        clock.Restart();
        await Task.WhenAll(signedIn.Select((user, i) => ReadAsync(user, rounds, new Random(i), minPause, maxPause, table, parts)));
        var readingSeconds = clock.Elapsed.TotalSeconds;
        blazor.Stop();
        var cpuUsed = cpu.Used();
        var actions = table.Count - actionsBefore;
        var during = ServerMemory.Now();
        Console.Error.WriteLine($"load: reading done in {readingSeconds:F0} s; signing out…");
        peakWorkingSet = Math.Max(peakWorkingSet, during.WorkingSet);

        await ForAllAsync(signedIn, concurrency: 8, async user =>
        {
            await user.SignOutAsync();
            return user;
        }, table, "sign-out");
        // Pages that signed out sent their circuit's disconnect; give the server a moment to dispose them all.
        await Task.Delay(SettleTime);
        var after = ServerMemory.Now();
        // Pools (Kestrel's buffers, shared arrays) give memory back over time, not at once: look again later.
        await Task.Delay(3 * SettleTime);
        var later = ServerMemory.Now();

        Console.WriteLine();
        Console.WriteLine($"WebMail load run, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores: {signedIn.Count} of {users} users signed in " +
            $"through the form ({signInSeconds:F0} s), each with a live circuit ({(client == LoadClient.Browser ? "a page in one headless Chromium" : "Blazor's protocol spoken directly, no browser")}), then {rounds} rounds of reading each " +
            $"(6 actions a round, {minPause.TotalSeconds:0.#}–{maxPause.TotalSeconds:0.#} s apart), over IMAP against the local Dovecot");
        Console.WriteLine();
        Console.WriteLine("| action | count | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var row in table.Rows([SignIn, OpenFirst, OpenCached, PageFirst, PageCached]))
        {
            Console.WriteLine(row);
        }

        Console.WriteLine();
        Console.WriteLine($"Throughput while reading: {actions / readingSeconds:F1} actions/s ({actions} actions in {readingSeconds:F0} s); errors in all: {table.Errors.Count}");
        foreach (var error in table.Errors.Take(10))
        {
            Console.WriteLine($"  error: {error}");
        }

        if (client == LoadClient.Browser)
        {
            PrintParts(parts);
        }

        Console.WriteLine();
        Console.WriteLine("Where the time went while reading: the server's side of the page updates (ASP.NET Core's Blazor meters), in ms; " +
            "components whose every update took under 1 ms are left out");
        Console.WriteLine();
        Console.WriteLine("| server step (component) | count | p50 | p95 | p99 | max | |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (name, sorted) in blazor.Histograms().Where(h => h.Sorted.Length > 0 && h.Sorted[^1] >= 1))
        {
            Console.WriteLine(LatencyTable.Row(name, sorted, 0));
        }

        Console.WriteLine();
        Console.WriteLine($"CPU used while reading ({readingSeconds:F0} s of {Environment.ProcessorCount} cores = {readingSeconds * Environment.ProcessorCount:F0} core-seconds); " +
            $"the server's thread pool queue peaked at {peakQueued} work items");
        Console.WriteLine();
        Console.WriteLine("| program | CPU seconds | share of the machine |");
        Console.WriteLine("|---|---|---|");
        foreach (var (program, seconds) in cpuUsed.Take(8))
        {
            Console.WriteLine($"| {program} | {seconds:F0} | {seconds / (readingSeconds * Environment.ProcessorCount):P0} |");
        }

        Console.WriteLine();
        if (client == LoadClient.Protocol)
        {
            Console.WriteLine("The protocol clients run in this process too, so their connections and buffers are in these figures: " +
                "the server's own memory per session is what the browser client measures (bench/load.sh … browser).");
            Console.WriteLine();
        }

        Console.WriteLine("| server memory | managed heap (MiB) | working set (MiB) |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| before (warmed up, nobody signed in) | {ServerMemory.MiB(before.Heap)} | {ServerMemory.MiB(before.WorkingSet)} |");
        Console.WriteLine($"| {signedIn.Count} signed in, inbox shown, nothing opened | {ServerMemory.MiB(idle.Heap)} | {ServerMemory.MiB(idle.WorkingSet)} |");
        Console.WriteLine($"| after reading (caches filled), still signed in | {ServerMemory.MiB(during.Heap)} | {ServerMemory.MiB(during.WorkingSet)} (peak {ServerMemory.MiB(peakWorkingSet)}) |");
        Console.WriteLine($"| {SettleTime.TotalSeconds:F0} s after all signed out ({sessions.Count} sessions left) | {ServerMemory.MiB(after.Heap)} | {ServerMemory.MiB(after.WorkingSet)} |");
        Console.WriteLine($"| {4 * SettleTime.TotalSeconds:F0} s after all signed out | {ServerMemory.MiB(later.Heap)} | {ServerMemory.MiB(later.WorkingSet)} |");
        Console.WriteLine();
        Console.WriteLine($"Per idle signed-in session (live circuit, inbox page listed, no message cached): " +
            $"{ServerMemory.KiB((idle.Heap - before.Heap) / Math.Max(1, signedIn.Count))} KiB managed heap, " +
            $"{ServerMemory.KiB((idle.WorkingSet - before.WorkingSet) / Math.Max(1, signedIn.Count))} KiB working set; " +
            $"heap left {4 * SettleTime.TotalSeconds:F0} s after sign-out: {ServerMemory.KiB(later.Heap - before.Heap)} KiB");
        return table.Errors.Count == 0 ? 0 : 1;
    }

    private static void PrintParts(LatencyTable parts)
    {
        Console.WriteLine();
        Console.WriteLine("The same actions in parts, as the page saw them (ms):");
        Console.WriteLine();
        Console.WriteLine("| part of the action | count | p50 | p95 | p99 | max | |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var row in parts.Rows(new[] { OpenFirst, OpenCached, PageFirst, PageCached }.SelectMany(k => new[] { k + Clicked, k + Answered, k + Drawn })))
        {
            Console.WriteLine(row);
        }
    }

    /// <summary>One headless Chromium and the one context all users' pages share (each at its own address, so with its own cookies).</summary>
    private static async Task<SharedBrowser> BrowserForUsersAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = DebianChromium.ExecutablePath,
            Headless = true,
            Args =
            [
                .. DebianChromium.Arguments, "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
                // The message body is a sandboxed frame: without this each would get a renderer process of its own.
                "--disable-site-isolation-trials", "--disable-features=IsolateOrigins,site-per-process",
                // Pages share a few renderer processes: hundreds of them would need more memory than the machine has.
                "--renderer-process-limit=6",
            ],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout((float)ILoadUser.ActionTimeout.TotalMilliseconds);
        await context.AddInitScriptAsync(BrowserUser.SocketLog);
        return new SharedBrowser(playwright, browser, context);
    }

    private sealed record SharedBrowser(IPlaywright Playwright, IBrowser Browser, IBrowserContext Context) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Browser.DisposeAsync();
            Playwright.Dispose();
        }
    }

    public static string Address(int index) => $"{UserPrefix}{index}@{DemoMailServer.Domain}";

    /// <summary>One user's reading: new and cached messages, a page further and back, with a pause between actions.</summary>
    private static async Task ReadAsync(ILoadUser user, int rounds, Random random, TimeSpan minPause, TimeSpan maxPause, LatencyTable table, LatencyTable parts)
    {
        for (var round = 0; round < rounds; round++)
        {
            var first = (2 * round) % 50;
            await ActAsync(OpenFirst, () => user.OpenMessageAsync(first));
            await ActAsync(OpenFirst, () => user.OpenMessageAsync(first + 1));
            await ActAsync(OpenCached, () => user.OpenMessageAsync(first));
            await ActAsync(round == 0 ? PageFirst : PageCached, () => user.TurnPageAsync(older: true, firstOfPage: 51));
            await ActAsync(round == 0 ? OpenFirst : OpenCached, () => user.OpenMessageAsync(0));
            await ActAsync(PageCached, () => user.TurnPageAsync(older: false, firstOfPage: 1));
        }

        async Task ActAsync(string kind, Func<Task<ActionTiming>> action)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next((int)minPause.TotalMilliseconds, (int)maxPause.TotalMilliseconds)));
            try
            {
                var timing = await action();
                table.Add(kind, timing.Total);
                if (timing is { Sent: { } sent, Received: { } received } && received >= sent)
                {
                    parts.Add(kind + Clicked, sent);
                    parts.Add(kind + Answered, received - sent);
                    parts.Add(kind + Drawn, timing.Total - received);
                }
            }
            catch (Exception exception)
            {
                table.Fail(kind, exception);
            }
        }
    }

    private static async Task<List<T>> ForAllAsync<TIn, T>(IReadOnlyList<TIn> items, int concurrency, Func<TIn, Task<T>> work, LatencyTable table, string kind)
    {
        using var gate = new SemaphoreSlim(concurrency);
        var results = await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync();
            try
            {
                return (Ok: true, Value: await work(item));
            }
            catch (Exception exception)
            {
                table.Fail(kind, exception);
                return (Ok: false, Value: default(T)!);
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. results.Where(r => r.Ok).Select(r => r.Value)];
    }
}
