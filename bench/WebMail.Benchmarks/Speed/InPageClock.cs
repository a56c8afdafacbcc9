using Microsoft.Playwright;

namespace WebMail.Benchmarks.Speed;

/// <summary>
/// Times "press Sign in → something is on screen" inside the page, the same way for every webmail: each document's
/// clock starts when its navigation did, which for the inbox is the sign-in form's submission (redirects included),
/// and a watcher notes the frame in which the awaited elements first are there. Timing from Playwright instead
/// would add its own polling and round trips, which are largest while the page is busiest.
/// </summary>
internal static class InPageClock
{
    private const string Watch = """
        (name, selector, count) => {
            const shown = window.__shownAt ??= {};
            const check = () => {
                if (name in shown || document.querySelectorAll(selector).length < count) return;
                shown[name] = -1;
                requestAnimationFrame(() => { shown[name] = performance.now(); }); // the frame that paints them
                observer.disconnect();
            };
            const observer = new MutationObserver(check);
            observer.observe(document, { subtree: true, childList: true, attributes: true });
        }
        """;

    /// <summary>Makes every page of <paramref name="context"/> note, as <paramref name="name"/>, when <paramref name="count"/> elements match.</summary>
    public static Task WatchAsync(IBrowserContext context, string name, string selector, int count = 1) =>
        context.AddInitScriptAsync($"({Watch})({Json(name)}, {Json(selector)}, {count});");

    /// <summary>Milliseconds from the navigation's start (the form's submission) to the frame that showed <paramref name="name"/>.</summary>
    public static async Task<double> ShownAtAsync(IPage page, string name)
    {
        await page.WaitForFunctionAsync($"() => window.__shownAt?.[{Json(name)}] > 0");
        return await page.EvaluateAsync<double>($"() => window.__shownAt[{Json(name)}]");
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
