using Microsoft.Playwright;

namespace WebMail.BrowserTests.Pages;

/// <summary>
/// Holds back a page's live connection (Blazor's negotiate request, which every page then makes) until released, as a slow phone network on campus
/// does: the prerendered page is on screen and takes typing long before the circuit exists.
/// </summary>
public sealed class HeldLiveConnection
{
    private static readonly TimeSpan MostHeld = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    private HeldLiveConnection()
    {
    }

    /// <summary>How many connection attempts were held (so a test knows its hold really happened).</summary>
    public int Held => Volatile.Read(ref _held);

    public static async Task<HeldLiveConnection> HoldAsync(IPage page)
    {
        var hold = new HeldLiveConnection();
        // Once the sign-in page has seen a WebSocket get through, pages open theirs without negotiating
        // (blazor-start.js): forgetting that makes them negotiate, which is the request held here.
        await page.Context.AddInitScriptAsync("sessionStorage.removeItem('webmail.websocket')");
        await page.RouteAsync("**/_blazor/negotiate**", async route =>
        {
            Interlocked.Increment(ref hold._held);
            // Bounded, so a test that forgets to release still ends.
            await hold._released.Task.WaitAsync(MostHeld);
            await route.ContinueAsync();
        });
        return hold;
    }

    /// <summary>Lets the connection through and waits until the page is live.</summary>
    public async Task ReleaseAsync(IPage page)
    {
        Assert.True(Held > 0, "the page never tried to open its live connection while it was held");
        _released.TrySetResult();
        await AppShell.Of(page).Live.WaitForAsync();
    }
}
