using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.BrowserTests;

/// <summary>
/// How the page's live connection starts (blazor-start.js): straight to its WebSocket once the sign-in page has
/// seen WebSockets get through, and by Blazor's own negotiation, falling back to another transport, when they do not.
/// </summary>
public sealed class LiveConnectionTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task SignIn_WebSocketsGetThrough_TheInboxOpensItsWebSocketWithoutAskingFirst()
    {
        var user = DemoMailServer.NewTestAccount("live");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Plain("Straight to the WebSocket")], _timeout);
        var page = await browser.NewPageAsync();
        var asked = RequestsToBlazor(page);

        await BrowserFixture.SignInAsync(page, user);

        Assert.Equal("1", await page.EvaluateAsync<string?>("sessionStorage.getItem('webmail.websocket')"));
        Assert.DoesNotContain(asked(), url => url.Contains("/_blazor/negotiate", StringComparison.Ordinal));
        Assert.DoesNotContain(asked(), url => url.Contains("/_blazor/initializers", StringComparison.Ordinal));
        await MailboxPage.Of(page).MessageLinks.First.ClickAsync();
        await Assertions.Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("Straight to the WebSocket");
    }

    /// <summary>
    /// The page's requests so far, as a copy each time it is asked: requests keep coming while a test looks (the
    /// long-polling transport, the hidden body frame once the list is drawn).
    /// </summary>
    internal static Func<IReadOnlyList<string>> RequestsToBlazor(IPage page)
    {
        var urls = new List<string>();
        page.Request += (_, request) =>
        {
            lock (urls)
            {
                urls.Add(request.Url);
            }
        };
        return () =>
        {
            lock (urls)
            {
                return [.. urls];
            }
        };
    }
}

/// <summary>A proxy that refuses WebSockets: the sign-in page's check fails, and the page is live over another transport.</summary>
public sealed class NoWebSocketLiveConnectionTests(NoWebSocketProxyFixture browser, ITestOutputHelper output) : IClassFixture<NoWebSocketProxyFixture>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task ProxyWithoutWebSockets_ThePageStillGoesLive_AndOpensAMessage()
    {
        var user = DemoMailServer.NewTestAccount("nows");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Plain("Without WebSockets")], _timeout);
        var page = await browser.NewPageAsync();
        var asked = LiveConnectionTests.RequestsToBlazor(page);

        await BrowserFixture.SignInAsync(page, user);

        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('webmail.websocket')"));
        Assert.Contains(asked(), url => url.Contains("/_blazor/negotiate", StringComparison.Ordinal));
        await MailboxPage.Of(page).MessageLinks.First.ClickAsync();
        await Assertions.Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("Without WebSockets");
        Assert.Contains(asked(), url => url.Contains("/_blazor?id=", StringComparison.Ordinal) && !url.StartsWith("ws", StringComparison.Ordinal));
    }
}
