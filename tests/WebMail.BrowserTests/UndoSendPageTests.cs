using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.BrowserTests;

/// <summary>
/// The app with a six-second undo window (long enough to press Undo even when CI's load delays the click by seconds)
/// and a 1,000-byte attachment limit.
/// </summary>
public sealed class ComposeLimitsBrowserFixture() : BrowserFixture(WebMailServerFactory.With(new()
{
    ["Compose:UndoSendDelay"] = "00:00:06",
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

        await ComposePage.Of(page).AttachmentsInput.SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "small.txt", MimeType = "text/plain", Buffer = new byte[500] },
            new FilePayload { Name = "big.bin", MimeType = "application/octet-stream", Buffer = new byte[5000] },
        });

        await Assertions.Expect(ComposePage.Of(page).AttachmentProblem).ToContainTextAsync("big.bin");
        await Assertions.Expect(ComposePage.Of(page).AttachmentItems).ToHaveCountAsync(1);
        await Assertions.Expect(ComposePage.Of(page).AttachmentItems).ToContainTextAsync("small.txt");
    }

    [Fact]
    public async Task Undo_WithinTheWindow_ReturnsToTheIntactFormAndSendsNothing()
    {
        var (sender, recipient) = (DemoMailServer.NewTestAccount("undo"), DemoMailServer.NewTestAccount("undone"));
        var page = await browser.SignedInPageAsync(sender);
        await new ComposePage(page).OpenFromNavigationAsync();
        await ComposePage.Of(page).To.FillAsync(recipient);
        await ComposePage.Of(page).Subject.FillAsync("Second thoughts");
        await ComposePage.Of(page).Body.FillAsync("Maybe not.");

        await ComposePage.Of(page).SendButton.ClickAsync();
        await Assertions.Expect(ComposePage.Of(page).Pending).ToContainTextAsync("Sending in 6 seconds");
        await ComposePage.Of(page).UndoSend.ClickAsync();

        await Assertions.Expect(ComposePage.Of(page).Undone).ToBeVisibleAsync();
        await Assertions.Expect(ComposePage.Of(page).Subject).ToHaveValueAsync("Second thoughts");
        await Assertions.Expect(ComposePage.Of(page).Body).ToHaveValueAsync("Maybe not.");
        await Task.Delay(TimeSpan.FromSeconds(6.5), _timeout); // past the window: had the send not been undone, it would be out
        using var imap = await new MailTestClients(output).ImapAsync(recipient, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(MailKit.FolderAccess.ReadOnly, _timeout);
        Assert.Equal(0, imap.Inbox.Count);
    }
}
