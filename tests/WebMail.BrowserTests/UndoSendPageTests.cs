using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.BrowserTests;

/// <summary>The app with a three-second undo window (long enough to press Undo) and a 1,000-byte attachment limit.</summary>
public sealed class ComposeLimitsBrowserFixture() : BrowserFixture(WebMailServerFactory.With(new()
{
    ["Compose:UndoSendDelay"] = "00:00:03",
    ["Compose:MaxAttachmentBytesPerFile"] = "1000",
}));

public sealed class UndoSendPageTests(ComposeLimitsBrowserFixture browser, ITestOutputHelper output) : IClassFixture<ComposeLimitsBrowserFixture>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task Attachment_OverTheLimit_IsRefusedBeforeUploadWithTheReason()
    {
        var page = await browser.SignedInPageAsync(DemoMailServer.NewTestAccount("limit"));
        await new ComposePage(page).OpenFromNavigationAsync();

        await page.Locator("#attachments-input").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "small.txt", MimeType = "text/plain", Buffer = new byte[500] },
            new FilePayload { Name = "big.bin", MimeType = "application/octet-stream", Buffer = new byte[5000] },
        });

        await Assertions.Expect(page.Locator("#attachment-problem")).ToContainTextAsync("big.bin");
        await Assertions.Expect(page.Locator("#attachment-list li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#attachment-list li")).ToContainTextAsync("small.txt");
    }

    [Fact]
    public async Task Undo_WithinTheWindow_ReturnsToTheIntactFormAndSendsNothing()
    {
        var (sender, recipient) = (DemoMailServer.NewTestAccount("undo"), DemoMailServer.NewTestAccount("undone"));
        var page = await browser.SignedInPageAsync(sender);
        await new ComposePage(page).OpenFromNavigationAsync();
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
