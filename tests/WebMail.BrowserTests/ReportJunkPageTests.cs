using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests;

/// <summary>Spam and not spam (issue 22): one click moves the message and leaves the keyword a school's filter learns from.</summary>
public sealed class ReportJunkPageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private readonly MailTestClients _clients = new(output);

    [Fact]
    public async Task Spam_MovedToJunkWithTheKeyword_UndoBringsItBack_NotSpamFromJunkToo()
    {
        var user = DemoMailServer.NewTestAccount("junk-page");
        await _clients.AppendAsync(user, [TestMessages.Plain("课表"), TestMessages.Plain("恭喜中奖")], _timeout);
        var page = await browser.SignedInPageAsync(user);
        var mailbox = MailboxPage.Of(page);

        await mailbox.MessageLink("恭喜中奖").ClickAsync();
        await Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("恭喜中奖");
        await MessagePane.Of(page).ReportJunk.ClickAsync();
        var toast = mailbox.Toast("marked as spam");
        await Expect(toast).ToBeVisibleAsync();
        await Expect(mailbox.MessageLink("恭喜中奖")).ToHaveCountAsync(0);
        Assert.Contains("$Junk", await KeywordsInAsync(user, "Junk", "恭喜中奖"));

        await MailboxPage.UndoIn(toast).ClickAsync();
        await Expect(mailbox.MessageLink("恭喜中奖")).ToBeVisibleAsync();

        await mailbox.MessageLink("恭喜中奖").ClickAsync();
        await Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("恭喜中奖");
        await MessagePane.Of(page).ReportJunk.ClickAsync();
        await Expect(mailbox.MessageLink("恭喜中奖")).ToHaveCountAsync(0);
        await mailbox.FolderLink("Junk").ClickAsync();
        await Expect(mailbox.FolderTitle).ToContainTextAsync("Junk");
        await mailbox.MessageLink("恭喜中奖").ClickAsync();
        await MessagePane.Of(page).NotJunk.ClickAsync();
        await Expect(mailbox.Toast("not spam")).ToBeVisibleAsync();
        var back = await KeywordsInAsync(user, "INBOX", "恭喜中奖");
        Assert.Contains("$NotJunk", back);
        Assert.DoesNotContain("$Junk", back);
    }

    private async Task<IReadOnlySet<string>> KeywordsInAsync(string user, string folder, string subject) =>
        (await _clients.KeywordsAsync(user, folder, _timeout)).Single(m => m.Subject == subject).Keywords;
}
