using Microsoft.Playwright;

namespace WebMail.Benchmarks.Load;

/// <summary>
/// One student in the load run: a page (live circuit) signed in through the real form, reading in the three-pane
/// layout. Each student reaches the server under a loopback address of their own (127.0.0.2, 127.0.0.3, …), so
/// the pages can share one browser context (and a few renderer processes) while each keeps its own cookies. Each action is timed inside the page, from the click to the moment the
/// result is on screen, so the browser's remote-control round trips are not counted.
/// </summary>
/// <remarks>The context must run <see cref="SocketLog"/> in every page (AddInitScriptAsync).</remarks>
internal sealed class BrowserUser(IPage page, string address) : ILoadUser
{
    /// <summary>Clicks, then waits (DOM mutations) until the message or page asked for is shown; returns milliseconds.</summary>
    internal const string TimedClick = """
        async ([kind, index, expectedRange, timeoutMs]) => {
            const t0 = performance.now();
            let target, done, check;
            if (kind === 'message') {
                const link = document.querySelectorAll('#message-list .message-link')[index];
                if (!link) throw new Error('no message ' + index);
                const row = link.closest('.message-row');
                const id = row.dataset.messageId, subject = row.querySelector('.message-subject').textContent.trim();
                target = link;
                // The body must be there too, as Roundcube's timing waits for its preview frame's body: a text body
                // and an HTML body of formatted text only (.message-html) come in the reader's render, any other
                // HTML body in a frame of its own that loads after it.
                // The frame is a new one per message (data-message-id), its body from the render (srcdoc) or from
                // its URL: done when that frame has loaded since the click.
                const click = String(t0), loaded = new WeakSet();
                const bodyShown = () => {
                    const reader = document.querySelector('.mail-reader');
                    if (reader?.querySelector('pre.message-text')) return true;
                    if (reader?.querySelector('.message-html')?.dataset.messageId === id) return true;
                    const frame = reader?.querySelector('iframe.message-frame');
                    if (!frame) return false;
                    if (frame.dataset.timed !== click) {
                        frame.dataset.timed = click;
                        frame.addEventListener('load', () => { loaded.add(frame); check(); });
                    }
                    return frame.dataset.messageId === id && loaded.has(frame);
                };
                done = () => document.querySelector('.message-row.open-in-pane')?.dataset.messageId === id
                    && document.querySelector('#message-subject')?.textContent.trim() === subject && bodyShown();
            } else {
                target = document.querySelector(kind === 'older' ? 'a#older-page' : 'a#newer-page');
                if (!target) throw new Error('no link ' + kind);
                const range = new RegExp('^' + expectedRange + '\\D');
                done = () => range.test(document.querySelector('#inbox-range')?.textContent.trim() ?? '')
                    && document.querySelectorAll('#message-list .message-link').length > 0;
            }
            const log = window.__webmailSocketLog;
            const sentBefore = log.sent.length, receivedBefore = log.received.length;
            target.click();
            const times = () => {
                const sent = log.sent.slice(sentBefore).find(t => t >= t0);
                const received = log.received.slice(receivedBefore).filter(t => t >= t0).at(-1);
                return [performance.now() - t0, sent === undefined ? -1 : sent - t0, received === undefined ? -1 : received - t0];
            };
            return await new Promise((resolve, reject) => {
                const finish = (fn, value) => { observer.disconnect(); clearTimeout(timer); fn(value); };
                check = () => {
                    if (done()) finish(resolve, times());
                    else if (document.querySelector('#mail-problem')) finish(reject, new Error('mail problem: ' + document.querySelector('#mail-problem').textContent.trim()));
                };
                const observer = new MutationObserver(check);
                observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
                const timer = setTimeout(() => finish(reject, new Error('no result within ' + timeoutMs + ' ms')), timeoutMs);
                check();
            });
        }
        """;

    /// <summary>
    /// Notes when the page's WebSocket (the circuit) sends and when its messages are handed to the page, so an
    /// action's time can be split: click to request sent, request to the last message before the result showed
    /// (the server, the network and the wait for the page's thread), and that message to the result drawn.
    /// </summary>
    public const string SocketLog = """
        (() => {
            const log = window.__webmailSocketLog = { sent: [], received: [] };
            const Native = window.WebSocket;
            const trim = list => { if (list.length > 400) list.splice(0, 200); };
            class Logged extends Native {
                constructor(...args) {
                    super(...args);
                    this.addEventListener('message', () => { log.received.push(performance.now()); trim(log.received); });
                }
                send(data) { log.sent.push(performance.now()); trim(log.sent); return super.send(data); }
            }
            window.WebSocket = Logged;
        })();
        """;

    public string Address => address;

    public static async Task<ILoadUser> SignInAsync(IBrowserContext context, Uri serverAddress, int index, string address, string password)
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
    public Task<ActionTiming> OpenMessageAsync(int index) => TimedAsync("message", index, "");

    /// <summary>Goes to the next older (or newer) page of the list; milliseconds until it is on screen.</summary>
    public Task<ActionTiming> TurnPageAsync(bool older, int firstOfPage) => TimedAsync(older ? "older" : "newer", 0, firstOfPage.ToString());

    public async Task SignOutAsync()
    {
        await page.Locator("form[action='account/signout'] button").ClickAsync();
        await page.WaitForURLAsync("**/signin**");
        await page.CloseAsync();
    }

    private async Task<ActionTiming> TimedAsync(string kind, int index, string expectedRange)
    {
        var times = await page.EvaluateAsync<double[]>(TimedClick, new object[] { kind, index, expectedRange, ILoadUser.ActionTimeout.TotalMilliseconds });
        return new ActionTiming(times[0], times[1] < 0 ? null : times[1], times[2] < 0 ? null : times[2]);
    }
}

/// <summary>
/// An action's milliseconds from the click: until the result was on screen; until the page sent its request over
/// the circuit; until the page was handed the last message before the result showed (null when not seen).
/// </summary>
internal readonly record struct ActionTiming(double Total, double? Sent, double? Received);
