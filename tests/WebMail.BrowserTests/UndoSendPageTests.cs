using Microsoft.Playwright;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.BrowserTests;

/// <summary>The app with a three-second undo window, long enough for a person (or a test) to press Undo.</summary>
public sealed class SlowSendBrowserFixture() : BrowserFixture(WebMailServerFactory.With(new() { ["Compose:UndoSendDelay"] = "00:00:03" }));

public sealed class UndoSendPageTests(SlowSendBrowserFixture browser, ITestOutputHelper output) : IClassFixture<SlowSendBrowserFixture>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task Undo_WithinTheWindow_ReturnsToTheIntactFormAndSendsNothing()
    {
        var (sender, recipient) = (DemoMailServer.NewTestAccount("undo"), DemoMailServer.NewTestAccount("undone"));
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.Locator("#username").FillAsync(sender);
        await page.Locator("#password").FillAsync(DemoMailServer.TestPassword);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.Locator("main[data-interactive=true]").WaitForAsync();
        await page.Locator("#nav-compose").ClickAsync();
        await page.Locator("#to").FillAsync(recipient);
        await page.Locator("#subject").FillAsync("Second thoughts");
        await page.Locator("#body").FillAsync("Maybe not.");

        await page.Locator("#send").ClickAsync();
        await Assertions.Expect(page.Locator("#send-pending")).ToContainTextAsync("Sending in 3 seconds");
        await page.Locator("#undo-send").ClickAsync();

        await Assertions.Expect(page.Locator("#send-undone")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#subject")).ToHaveValueAsync("Second thoughts");
        await Assertions.Expect(page.Locator("#body")).ToHaveValueAsync("Maybe not.");
        await Task.Delay(TimeSpan.FromSeconds(3.5), _timeout);
        using var imap = await new MailTestClients(output).ImapAsync(recipient, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(MailKit.FolderAccess.ReadOnly, _timeout);
        Assert.Equal(0, imap.Inbox.Count);
    }
}
