using System.Security.Cryptography;
using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.BrowserTests;

/// <summary>A student's first minute: sign in, see the inbox, open a message, download its attachment.</summary>
public sealed class InboxPageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Theory]
    [InlineData("Imap")]
    [InlineData("Pop3")]
    public async Task SignIn_OpenMessage_DownloadAttachment(string reading)
    {
        var user = DemoMailServer.NewTestAccount("inbox");
        var attachment = RandomNumberGenerator.GetBytes(30_000);
        await new MailTestClients(output).AppendAsync(user,
            [TestMessages.Gb2312(), TestMessages.WithAttachment("Lab data attached", attachment), TestMessages.Html("Newsletter")], _timeout);
        var page = await browser.SignedInPageAsync(user, reading);

        var rows = MailboxPage.Of(page).MessageLinks;
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Newsletter");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync(TestMessages.ChineseSubject);
        await Assertions.Expect(MailboxPage.Of(page).Range).ToHaveTextAsync("1–3 of 3");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"inbox-{reading}.png") });

        await rows.Nth(1).ClickAsync();
        await Assertions.Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("Lab data attached");
        var download = await page.RunAndWaitForDownloadAsync(() => MessagePane.Of(page).AttachmentLinks.ClickAsync());
        Assert.Equal(TestMessages.ChineseFileName, download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        await download.SaveAsAsync(saved);
        Assert.Equal(attachment, await File.ReadAllBytesAsync(saved, _timeout));
        File.Delete(saved);

        await MessagePane.Of(page).BackToFolder.ClickAsync();
        await rows.Nth(2).ClickAsync();
        await Assertions.Expect(MessagePane.Of(page).Subject).ToHaveTextAsync(TestMessages.ChineseSubject);
        await Assertions.Expect(MessagePane.Of(page).Text).ToHaveTextAsync(TestMessages.ChineseBody);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"message-gb2312-{reading}.png") });
    }

    [Fact]
    public async Task Phone_InboxAndMessage_FitTheScreenWithoutSidewaysScrolling()
    {
        var user = DemoMailServer.NewTestAccount("phone");
        await new MailTestClients(output).AppendAsync(user,
            [TestMessages.WithAttachment("A rather long subject line that would never fit on a narrow phone screen", new byte[100]), TestMessages.Gb2312()], _timeout);
        var page = await browser.NewPageAsync(locale: "zh-CN", width: 360, height: 740);
        await BrowserFixture.SignInAsync(page, user);

        await Assertions.Expect(MailboxPage.Of(page).MessageLinks).ToHaveCountAsync(2);
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 360, "the inbox scrolls sideways");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "phone-inbox-zh-CN.png") });

        await MailboxPage.Of(page).MessageLinks.Nth(1).ClickAsync();
        await Assertions.Expect(MessagePane.Of(page).Subject).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 360, "the message scrolls sideways");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "phone-message-zh-CN.png") });
        // One pane at a time: the list gave way to the message, and closing it brings the list back.
        await Assertions.Expect(MailboxPage.Of(page).MessageList).ToBeHiddenAsync();
        await MessagePane.Of(page).BackToFolder.ClickAsync();
        await Assertions.Expect(MailboxPage.Of(page).MessageList).ToBeVisibleAsync();

        await new ComposePage(page).OpenFromNavigationAsync();
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 360, "compose scrolls sideways");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "phone-compose-zh-CN.png") });
    }

    [Fact]
    public async Task Desktop_ThreePanes_FoldersListAndMessageSideBySide_FoldersCollapse()
    {
        var user = DemoMailServer.NewTestAccount("panes");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Plain("first"), TestMessages.Plain("second")], _timeout);
        var page = await browser.SignedInPageAsync(user);

        await MailboxPage.Of(page).MessageLink("first").ClickAsync();

        await Assertions.Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("first");
        await Assertions.Expect(MailboxPage.Of(page).MessageList).ToBeVisibleAsync();
        await Assertions.Expect(MailboxPage.Of(page).FolderPane).ToBeVisibleAsync();
        var folders = await MailboxPage.Of(page).FolderPane.BoundingBoxAsync();
        var list = await MailboxPage.Of(page).MessageList.BoundingBoxAsync();
        var reader = await MessagePane.Of(page).Subject.BoundingBoxAsync();
        Assert.True(folders!.X < list!.X && list.X + list.Width <= reader!.X, "folders, list and message side by side");
        await Assertions.Expect(MailboxPage.Of(page).OpenRow).ToContainTextAsync("first");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "desktop-three-panes.png") });

        await page.Keyboard.PressAsync("k");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("second");
        await MailboxPage.Of(page).FoldersToggle.ClickAsync();
        await Assertions.Expect(MailboxPage.Of(page).FolderPane).ToBeHiddenAsync();
        await MessagePane.Of(page).BackToFolder.ClickAsync();
        await Assertions.Expect(MessagePane.Of(page).Subject).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Inbox_BrowserInShanghai_ShowsDatesInTheReadersTimeZone()
    {
        var user = DemoMailServer.NewTestAccount("timezone");
        var message = TestMessages.Plain("Dated");
        message.Date = new DateTimeOffset(2026, 3, 1, 0, 30, 0, TimeSpan.Zero);
        await new MailTestClients(output).AppendAsync(user, [message], _timeout);
        var page = await browser.SignedInPageAsync(user, timeZone: "Asia/Shanghai");

        await Assertions.Expect(MailboxPage.Of(page).RowDates).ToHaveTextAsync("3/1/2026 8:30 AM");
    }

    [Fact]
    public async Task HtmlMessage_RemoteImageBlocked_NoRequestLeavesUntilAllowed()
    {
        var user = DemoMailServer.NewTestAccount("remote");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Html("Tracked newsletter")], _timeout);
        var page = await browser.NewPageAsync();
        var remoteRequests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await page.Context.RouteAsync("**/*", async route =>
        {
            if (!route.Request.Url.StartsWith(browser.App.BaseAddress.ToString(), StringComparison.Ordinal))
            {
                remoteRequests.Enqueue(route.Request.Url);
                await route.AbortAsync();
                return;
            }

            await route.ContinueAsync();
        });

        await BrowserFixture.SignInAsync(page, user);
        await MailboxPage.Of(page).MessageLinks.First.ClickAsync();
        var frame = MessagePane.Of(page).Body;
        await Assertions.Expect(frame.Locator("b")).ToHaveTextAsync("bold");
        await page.WaitForTimeoutAsync(500);

        Assert.Empty(remoteRequests);
        Assert.Equal(0, await frame.Locator("script").CountAsync());

        await MessagePane.Of(page).ShowRemoteContent.ClickAsync();
        await Assertions.Expect(frame.Locator("b")).ToHaveTextAsync("bold");
        await page.WaitForTimeoutAsync(500);
        Assert.Contains("https://tracker.example/pixel.gif", remoteRequests);
    }
}
