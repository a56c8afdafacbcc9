using MailKit;
using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests;

/// <summary>The webmail used with the keyboard alone, and the shortcuts staying quiet while the user types.</summary>
public sealed class KeyboardTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task KeyboardOnly_FromInboxToASentReply()
    {
        var user = DemoMailServer.NewTestAccount("keys");
        var clients = new MailTestClients(output);
        var asker = DemoMailServer.NewTestAccount("asker");
        var question = TestMessages.Plain("Question about the lab");
        question.From.Clear();
        question.From.Add(new MimeKit.MailboxAddress("Asker", asker));
        await clients.AppendAsync(user, [TestMessages.Plain("older one"), question], CancellationToken.None);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/signin");
        await SignInPage.Of(page).UserName.FocusAsync();
        await page.Keyboard.TypeAsync(user);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(DemoMailServer.TestPassword);
        await page.Keyboard.PressAsync("Enter");
        await MailboxPage.Of(page).LiveMessageList.WaitForAsync();

        // The first j focuses the first row. Right after the page turns live its rows may still be swapped for the live
        // renderer's own, which drops the focus (once in a few CI runs): a user presses j again, and so does the test.
        for (var attempt = 1; ; attempt++)
        {
            await page.Keyboard.PressAsync("j");
            try
            {
                await Expect(MailboxPage.Of(page).FirstRowLink).ToBeFocusedAsync(new() { Timeout = 2000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }

        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("k");
        await page.Keyboard.PressAsync("Enter");
        await Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("Question about the lab");
        await page.Keyboard.PressAsync("r");
        await Expect(ComposePage.Of(page).Subject).ToHaveValueAsync("Re: Question about the lab");
        await Expect(ComposePage.Of(page).Body).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("The lab opens at nine. j k r c #");
        await Expect(ComposePage.Of(page).Subject).ToHaveValueAsync("Re: Question about the lab");
        await page.Keyboard.PressAsync("Control+Enter");

        await Expect(ComposePage.Of(page).Sent).ToContainTextAsync("Your message was sent.", new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "keyboard-reply-sent.png") });
        using var imap = await clients.ImapAsync(user, DemoMailServer.TestPassword, CancellationToken.None);
        var sent = imap.GetFolder(SpecialFolder.Sent)!;
        await sent.OpenAsync(FolderAccess.ReadOnly);
        var copy = await sent.GetMessageAsync(0);
        Assert.Equal("Re: Question about the lab", copy.Subject);
        Assert.StartsWith("The lab opens at nine. j k r c #", copy.TextBody);
        await clients.WaitForInboxAsync(asker, 1, CancellationToken.None);
    }

    [Fact]
    public async Task QuestionMark_OpensTheHelp_EscClosesIt_AndTypingInSearchTriggersNothing()
    {
        var user = DemoMailServer.NewTestAccount("help");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Plain("only")], CancellationToken.None);
        var page = await browser.SignedInPageAsync(user);

        await page.Keyboard.PressAsync("?");
        await Expect(AppShell.Of(page).ShortcutHelp).ToBeVisibleAsync();
        await Expect(AppShell.Of(page).ShortcutHelp).ToContainTextAsync("Reply all");
        await page.Keyboard.PressAsync("c");
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("compose"));
        await page.Keyboard.PressAsync("Escape");
        await Expect(AppShell.Of(page).ShortcutHelp).ToBeHiddenAsync();

        await page.Keyboard.PressAsync("/");
        await Expect(MailboxPage.Of(page).SearchBox).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("c#ju?");
        await Expect(MailboxPage.Of(page).SearchBox).ToHaveValueAsync("c#ju?");
        await Expect(AppShell.Of(page).ShortcutHelp).ToBeHiddenAsync();
        Assert.DoesNotContain("compose", page.Url);

        await MailboxPage.Of(page).SearchBox.BlurAsync();
        await page.Keyboard.PressAsync("c");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("compose"));
        await page.Keyboard.PressAsync("g");
        await page.Keyboard.PressAsync("i");
        await Expect(MailboxPage.Of(page).FolderTitle).ToHaveTextAsync("Inbox");
    }
}
