using System.Collections.Concurrent;
using System.Text;
using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;

namespace WebMail.BrowserTests;

/// <summary>Writing mail in Chromium: attach, send, and the recipient finds it through the webmail.</summary>
public sealed class ComposePageTests(BrowserFixture browser, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Compose_WithAttachment_RecipientFindsItInTheirInbox_AndThePasswordNeverShows()
    {
        var (sender, recipient) = (DemoMailServer.NewTestAccount("writer"), DemoMailServer.NewTestAccount("reader"));
        var received = new ConcurrentQueue<string>();
        var page = await SignInAsync(sender, received);

        await new ComposePage(page).OpenFromNavigationAsync();
        await ComposePage.Of(page).To.FillAsync("not an address");
        await ComposePage.Of(page).Subject.ClickAsync();
        await Assertions.Expect(ComposePage.Of(page).ToFeedback).ToContainTextAsync("not an address");
        await Assertions.Expect(ComposePage.Of(page).ToChips).ToHaveAttributeAsync("data-invalid", "true");
        await ComposePage.Of(page).To.PressAsync("Backspace"); // in an empty box: the last chip goes
        await Assertions.Expect(ComposePage.Of(page).ToChips).ToHaveCountAsync(0);
        await ComposePage.Of(page).To.FillAsync($"读者 <{recipient}>");
        await ComposePage.Of(page).Subject.FillAsync("周报 week 3");
        await ComposePage.Of(page).Body.FillAsync("第三周的周报见附件。");
        await ComposePage.Of(page).AttachmentsInput.SetInputFilesAsync(new FilePayload
        {
            Name = "周报.txt",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes("本周完成了实验。"),
        });
        await Assertions.Expect(ComposePage.Of(page).AttachmentItems).ToContainTextAsync("周报.txt");
        await ComposePage.Of(page).SendButton.ClickAsync();
        await Assertions.Expect(ComposePage.Of(page).Sent).ToContainTextAsync("Your message was sent.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "compose-sent.png") });

        var reader = await SignInAsync(recipient, received);
        await Assertions.Expect(MailboxPage.Of(reader).MessageLinks.First).ToContainTextAsync("周报 week 3");
        await MailboxPage.Of(reader).MessageLinks.First.ClickAsync();
        await Assertions.Expect(MessagePane.Of(reader).Text).ToHaveTextAsync("第三周的周报见附件。");
        await Assertions.Expect(MessagePane.Of(reader).AttachmentLinks).ToContainTextAsync("周报.txt");

        Assert.DoesNotContain(received.ToArray(), text => text.Contains(DemoMailServer.TestPassword, StringComparison.Ordinal));
        Assert.DoesNotContain(browser.App.Logs.Lines, line => line.Contains(DemoMailServer.TestPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compose_RefusedRecipient_ShowsTheServersReasonAndKeepsEverything()
    {
        var page = await SignInAsync(DemoMailServer.NewTestAccount("refused"), new ConcurrentQueue<string>());
        await page.GotoAsync("/compose");
        await new ComposePage(page).WaitUntilReadyAsync();

        await ComposePage.Of(page).To.FillAsync($"nobody@{DemoMailServer.Domain}");
        await ComposePage.Of(page).Subject.FillAsync("Kept subject");
        await ComposePage.Of(page).Body.FillAsync("Kept body");
        await ComposePage.Of(page).SendButton.ClickAsync();

        await Assertions.Expect(ComposePage.Of(page).Problem).ToContainTextAsync($"nobody@{DemoMailServer.Domain}");
        await ComposePage.Of(page).ExpectToAsync($"nobody@{DemoMailServer.Domain}");
        await Assertions.Expect(ComposePage.Of(page).Subject).ToHaveValueAsync("Kept subject");
        await Assertions.Expect(ComposePage.Of(page).Body).ToHaveValueAsync("Kept body");
    }

    [Fact]
    public async Task Draft_TypedThenTabClosed_IsOfferedInANewPageAndInTheDraftsFolder_AndGoneOnceSent()
    {
        var (writer, reader) = (DemoMailServer.NewTestAccount("drafter"), DemoMailServer.NewTestAccount("draftreader"));
        var page = await SignInAsync(writer, new ConcurrentQueue<string>());
        await new ComposePage(page).OpenFromNavigationAsync();
        await ComposePage.Of(page).To.FillAsync(reader);
        await ComposePage.Of(page).Subject.FillAsync("Half-written thoughts");
        await ComposePage.Of(page).Body.PressSequentiallyAsync("Do not lose me");
        await page.WaitForTimeoutAsync(2000);
        await page.CloseAsync();

        var again = await page.Context.NewPageAsync();
        await again.GotoAsync("/compose");

        await Assertions.Expect(ComposePage.Of(again).DraftRestored).ToBeVisibleAsync();
        await ComposePage.Of(again).ExpectToAsync(reader);
        await Assertions.Expect(ComposePage.Of(again).Subject).ToHaveValueAsync("Half-written thoughts");
        await Assertions.Expect(ComposePage.Of(again).Body).ToHaveValueAsync("Do not lose me");
        Assert.Equal(1, await DraftsCountAsync(writer));

        await ComposePage.Of(again).SendButton.ClickAsync();
        await Assertions.Expect(ComposePage.Of(again).Sent).ToBeVisibleAsync();
        for (var i = 0; i < 50 && await DraftsCountAsync(writer) > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, await DraftsCountAsync(writer));
    }

    [Fact]
    public async Task Drafts_TwoTabsWritingTwoMessagesAtOnce_BothKeptAndNeitherOverwritesTheOther()
    {
        var (writer, reader) = (DemoMailServer.NewTestAccount("twotabs"), DemoMailServer.NewTestAccount("twotabsreader"));
        var first = await SignInAsync(writer, new ConcurrentQueue<string>());
        await new ComposePage(first).OpenFromNavigationAsync();
        await ComposePage.Of(first).To.FillAsync(reader);
        await ComposePage.Of(first).Subject.FillAsync("第一封");
        await ComposePage.Of(first).Body.PressSequentiallyAsync("第一个标签页");

        // A second tab writes to someone else (as Reply or a mailto: link opens it) while the first is open.
        var second = await first.Context.NewPageAsync();
        await ComposePage.Of(second).OpenAsync($"?to={Uri.EscapeDataString(reader)}");
        await ComposePage.Of(second).WaitUntilReadyAsync();
        await ComposePage.Of(second).Subject.FillAsync("第二封");
        await ComposePage.Of(second).Body.PressSequentiallyAsync("第二个标签页");
        await ComposePage.Of(first).Body.PressSequentiallyAsync("，接着写");

        for (var i = 0; i < 50 && (await DraftSubjectsAsync(writer)).Count < 2; i++)
        {
            await Task.Delay(200);
        }

        await Task.Delay(1500); // any save still on its way lands before the folder is looked at again
        Assert.Equal(["第一封", "第二封"], (await DraftSubjectsAsync(writer)).Order());
        await ComposePage.Of(second).SendAsync();
        for (var i = 0; i < 50 && (await DraftSubjectsAsync(writer)).Count > 1; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(["第一封"], await DraftSubjectsAsync(writer));
    }

    [Fact]
    public async Task Draft_SavedByAnotherMailProgram_OpensFromTheDraftsFolderInCompose_AndIsGoneOnceSent()
    {
        var (writer, reader) = (DemoMailServer.NewTestAccount("phonedraft"), DemoMailServer.NewTestAccount("phonereader"));
        var started = new MimeKit.MimeMessage { Subject = "手机上写的草稿" };
        started.From.Add(MimeKit.MailboxAddress.Parse(writer));
        started.To.Add(new MimeKit.MailboxAddress("读者", reader));
        started.Body = new MimeKit.TextPart("plain") { Text = "在地铁上开始写的。" };
        var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
        await new MailTestClients(output).AppendDraftAsync(writer, started, timeout);
        var page = await browser.SignedInPageAsync(writer);

        await MailboxPage.Of(page).FolderLink("Drafts").ClickAsync();
        await Assertions.Expect(MailboxPage.Of(page).RowLinks.First).ToContainTextAsync("手机上写的草稿");
        await MailboxPage.Of(page).RowLinks.First.ClickAsync();
        await new ComposePage(page).WaitUntilReadyAsync();

        await ComposePage.Of(page).ExpectToAsync($"读者 <{reader}>");
        await Assertions.Expect(ComposePage.Of(page).Subject).ToHaveValueAsync("手机上写的草稿");
        await Assertions.Expect(ComposePage.Of(page).Body).ToHaveValueAsync("在地铁上开始写的。");
        await ComposePage.Of(page).Body.PressAsync("Control+End");
        await ComposePage.Of(page).Body.PressSequentiallyAsync("到学校写完了。");
        await ComposePage.Of(page).SendButton.ClickAsync();
        await Assertions.Expect(ComposePage.Of(page).Sent).ToBeVisibleAsync();

        var received = await browser.SignedInPageAsync(reader);
        await MailboxPage.Of(received).RowLinks.First.ClickAsync();
        await Assertions.Expect(MessagePane.Of(received).Text).ToHaveTextAsync("在地铁上开始写的。到学校写完了。");
        for (var i = 0; i < 50 && await DraftsCountAsync(writer) > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, await DraftsCountAsync(writer)); // the phone's copy is gone once sent
    }

    private static async Task<int> DraftsCountAsync(string user)
    {
        var clients = new WebMail.Server.Mail.Connections.MailClientFactory();
        using var client = await clients.ConnectImapAsync(DemoMailServer.DomainOptions(), CancellationToken.None);
        await client.AuthenticateAsync(user, DemoMailServer.TestPassword);
        var drafts = client.GetFolder(MailKit.SpecialFolder.Drafts)!;
        await drafts.OpenAsync(MailKit.FolderAccess.ReadOnly);
        var count = drafts.Count;
        await client.DisconnectAsync(true);
        return count;
    }

    /// <summary>The subjects in the user's Drafts folder, as another mail program sees them.</summary>
    private static async Task<IReadOnlyList<string>> DraftSubjectsAsync(string user)
    {
        var clients = new WebMail.Server.Mail.Connections.MailClientFactory();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var client = await clients.ConnectImapAsync(DemoMailServer.DomainOptions(), timeout.Token);
        await client.AuthenticateAsync(user, DemoMailServer.TestPassword, timeout.Token);
        var drafts = client.GetFolder(MailKit.SpecialFolder.Drafts)!;
        await drafts.OpenAsync(MailKit.FolderAccess.ReadOnly, timeout.Token);
        var subjects = drafts.Count == 0 ? [] : (await drafts.FetchAsync(0, -1, new MailKit.FetchRequest(MailKit.MessageSummaryItems.Envelope), timeout.Token)).Select(m => m.Envelope?.Subject ?? "").ToList();
        await client.DisconnectAsync(true, timeout.Token);
        return subjects;
    }

    private async Task<IPage> SignInAsync(string user, ConcurrentQueue<string> received)
    {
        var page = await browser.NewPageAsync();
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => received.Enqueue(frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? []));
        page.Response += async (_, response) =>
        {
            try
            {
                received.Enqueue(await response.TextAsync());
            }
            catch (PlaywrightException)
            {
            }
        };
        await BrowserFixture.SignInAsync(page, user);
        return page;
    }
}
