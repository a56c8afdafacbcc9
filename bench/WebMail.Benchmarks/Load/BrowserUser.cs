using Microsoft.Playwright;

namespace WebMail.Benchmarks.Load;

/// <summary>
/// One student in the load run: a page (live circuit) signed in through the real form, reading in the three-pane
/// layout. Each student reaches the server under a loopback address of their own (127.0.0.2, 127.0.0.3, …), so
/// the pages can share one browser context (and a few renderer processes) while each keeps its own cookies. Each action is timed inside the page, from the click to the moment the
/// result is on screen, so the browser's remote-control round trips are not counted.
/// </summary>
internal sealed class BrowserUser(IPage page, string address)
{
    /// <summary>Clicks, then waits (DOM mutations) until the message or page asked for is shown; returns milliseconds.</summary>
    private const string TimedClick = """
        async ([kind, index, expectedRange, timeoutMs]) => {
            const t0 = performance.now();
            let target, done;
            if (kind === 'message') {
                const link = document.querySelectorAll('#message-list .message-link')[index];
                if (!link) throw new Error('no message ' + index);
                const row = link.closest('.message-row');
                const id = row.dataset.messageId, subject = row.querySelector('.message-subject').textContent.trim();
                target = link;
                done = () => document.querySelector('.message-row.open-in-pane')?.dataset.messageId === id
                    && document.querySelector('#message-subject')?.textContent.trim() === subject;
            } else {
                target = document.querySelector(kind === 'older' ? 'a#older-page' : 'a#newer-page');
                if (!target) throw new Error('no link ' + kind);
                const range = new RegExp('^' + expectedRange + '\\D');
                done = () => range.test(document.querySelector('#inbox-range')?.textContent.trim() ?? '')
                    && document.querySelectorAll('#message-list .message-link').length > 0;
            }
            target.click();
            return await new Promise((resolve, reject) => {
                const finish = (fn, value) => { observer.disconnect(); clearTimeout(timer); fn(value); };
                const check = () => {
                    if (done()) finish(resolve, performance.now() - t0);
                    else if (document.querySelector('#mail-problem')) finish(reject, new Error('mail problem: ' + document.querySelector('#mail-problem').textContent.trim()));
                };
                const observer = new MutationObserver(check);
                observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
                const timer = setTimeout(() => finish(reject, new Error('no result within ' + timeoutMs + ' ms')), timeoutMs);
                check();
            });
        }
        """;

    private static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(30);

    public string Address => address;

    public static async Task<BrowserUser> SignInAsync(IBrowserContext context, Uri serverAddress, int index, string address, string password)
    {
        var page = await context.NewPageAsync();
        var own = new UriBuilder(serverAddress) { Host = HostFor(index) }.Uri;
        await page.GotoAsync(new Uri(own, "signin").ToString());
        await page.Locator("#username").FillAsync(address);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#reading").SelectOptionAsync("Imap");
        await page.Locator("button[type=submit]").ClickAsync();
        await page.Locator("main[data-interactive=true]").WaitForAsync();
        await page.Locator("#message-list .message-link").First.WaitForAsync();
        return new BrowserUser(page, address);
    }

    /// <summary>The loopback address the <paramref name="index"/>th user reaches the server at: 127.0.0.2 and up.</summary>
    public static string HostFor(int index) => $"127.0.{(index + 2) / 256}.{(index + 2) % 256}";

    /// <summary>Opens the <paramref name="index"/>th message of the page shown; milliseconds until it is on screen.</summary>
    public Task<double> OpenMessageAsync(int index) => TimedAsync("message", index, "");

    /// <summary>Goes to the next older (or newer) page of the list; milliseconds until it is on screen.</summary>
    public Task<double> TurnPageAsync(bool older, int firstOfPage) => TimedAsync(older ? "older" : "newer", 0, firstOfPage.ToString());

    public async Task SignOutAsync()
    {
        await page.Locator("form[action='account/signout'] button").ClickAsync();
        await page.WaitForURLAsync("**/signin**");
        await page.CloseAsync();
    }

    private Task<double> TimedAsync(string kind, int index, string expectedRange) =>
        page.EvaluateAsync<double>(TimedClick, new object[] { kind, index, expectedRange, ActionTimeout.TotalMilliseconds });
}
