using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests;

/// <summary>When the live connection drops, a localized banner says so, and the page carries on once it is back.</summary>
public sealed partial class ReconnectTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ConnectionDrops_ChineseBannerShows_ThenThePageCarriesOn()
    {
        var user = DemoMailServer.NewTestAccount("reconnect");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Plain("still here")], CancellationToken.None);
        var page = await browser.NewPageAsync(locale: "zh-CN");
        IWebSocketRoute? live = null;
        // Every live connection goes through this route, so the test can cut the current one as a network would.
        await page.RouteWebSocketAsync(BlazorHub(), socket =>
        {
            live = socket;
            socket.ConnectToServer();
        });
        await BrowserFixture.SignInAsync(page, user);
        await MailboxPage.Of(page).MessageList.WaitForAsync();
        var first = live;

        await first!.CloseAsync(new() { Code = 4000, Reason = "network gone" });

        var banner = AppShell.Of(page).ReconnectModal;
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("正在重新连接");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "reconnect-zh.png") });
        await Expect(banner).ToBeHiddenAsync(new() { Timeout = 20_000 });
        Assert.NotSame(first, live);

        await MailboxPage.Of(page).MessageLinks.First.ClickAsync();
        await Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("still here");
    }

    [GeneratedRegex("/_blazor")]
    private static partial Regex BlazorHub();
}
