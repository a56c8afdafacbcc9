using Microsoft.Playwright;
using WebMail.Testing;

namespace WebMail.Benchmarks.Speed;

/// <summary>
/// The same first visit as <see cref="BrowserSpeedBenchmark"/>'s, in Roundcube 1.6 (bench/roundcube.sh), so the
/// table can give same-run ratios: press Sign in until its 50 rows are shown, click a row until the preview pane shows
/// its body, click the row under it. Clicks are timed inside the page from the mouse-down, as WebMail's are.
/// </summary>
internal static class RoundcubeRound
{
    // Roundcube's list acts on mousedown/mouseup (list.js), so the click is those two events on the row. Done when
    // the preview frame holds that message's body; Roundcube's own 60 ms click delay (app.js) is part of what a user feels.
    private const string TimedClick = """
        async ([index, timeoutMs]) => {
            const rows = document.querySelectorAll('#messagelist tbody tr');
            const row = rows[index];
            if (!row) throw new Error('no row ' + index);
            const uid = rcmail.message_list.get_row_uid(row);
            const t0 = performance.now();
            const cell = row.querySelector('td.subject') ?? row.cells[0];
            for (const type of ['mousedown', 'mouseup', 'click']) {
                cell.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, button: 0, view: window }));
            }
            const shown = () => {
                const frame = document.querySelector('#messagecontframe');
                const doc = frame?.contentDocument;
                return doc && doc.readyState !== 'loading' && doc.location.href.includes('_uid=' + uid + '&')
                    && doc.querySelector('#messagebody') !== null;
            };
            return await new Promise((resolve, reject) => {
                const started = performance.now();
                const poll = () => {
                    if (shown()) resolve(performance.now() - t0);
                    else if (performance.now() - started > timeoutMs) reject(new Error('no preview within ' + timeoutMs + ' ms'));
                    else setTimeout(poll, 1);
                };
                poll();
            });
        }
        """;

    public static async Task<BrowserRoundResult> RunAsync(IBrowser browser, TcpRelay wire, string user)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(30_000);
        await InPageClock.WatchAsync(context, "rows", "#messagelist tbody tr", BrowserSpeedBenchmark.PageRows);
        var page = await context.NewPageAsync();
        var wireBefore = wire.BytesRelayed;

        await page.GotoAsync($"http://127.0.0.1:{wire.Port}/?_task=login");
        await page.Locator("#rcmloginuser").FillAsync(user);
        await page.Locator("#rcmloginpwd").FillAsync(DemoMailServer.TestPassword);

        await page.Locator("#rcmloginsubmit").ClickAsync();
        var rowsShown = await InPageClock.ShownAtAsync(page, "rows");
        // Whatever the first inbox still loads after its rows (the folder counts, the quota) belongs to its bytes.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var bytes = wire.BytesRelayed - wireBefore;

        await Task.Delay(BrowserSpeedBenchmark.ReadingPause);
        var openFirst = await page.EvaluateAsync<double>(TimedClick, new object[] { BrowserSpeedBenchmark.FirstClickedRow, 30_000 });
        await Task.Delay(BrowserSpeedBenchmark.ReadingPause);
        var openNext = await page.EvaluateAsync<double>(TimedClick, new object[] { BrowserSpeedBenchmark.FirstClickedRow + 1, 30_000 });
        var openHtml = double.NaN;
        if (BrowserSpeedBenchmark.HtmlRow >= 0)
        {
            await Task.Delay(BrowserSpeedBenchmark.ReadingPause);
            openHtml = await page.EvaluateAsync<double>(TimedClick, new object[] { BrowserSpeedBenchmark.HtmlRow, 30_000 });
        }

        var openInPageHtml = double.NaN;
        if (BrowserSpeedBenchmark.InPageHtmlRow >= 0)
        {
            await Task.Delay(BrowserSpeedBenchmark.ReadingPause);
            openInPageHtml = await page.EvaluateAsync<double>(TimedClick, new object[] { BrowserSpeedBenchmark.InPageHtmlRow, 30_000 });
        }

        return new BrowserRoundResult(rowsShown, double.NaN, openFirst, openNext, bytes, double.NaN, double.NaN) { OpenHtml = openHtml, OpenInPageHtml = openInPageHtml };
    }
}
