using MailKit;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests;

public sealed class QuickCheckBrowserFixture() : BrowserFixture(WebMailServerFactory.With(new()
{
    ["Sessions:NewMailCheckInterval"] = "00:00:01",
}));

/// <summary>An open list shows what arrives and what another client changes, without the user pressing Refresh.</summary>
public sealed class NewMailCheckTests(QuickCheckBrowserFixture browser, ITestOutputHelper output) : IClassFixture<QuickCheckBrowserFixture>
{
    [Fact]
    public async Task OpenInbox_MailArrivesAndAnotherClientMovesMail_TheListFollows()
    {
        var user = DemoMailServer.NewTestAccount("newmail");
        var clients = new MailTestClients(output);
        await clients.AppendAsync(user, [TestMessages.Plain("already here")], CancellationToken.None);
        var page = await browser.SignedInPageAsync(user);
        await Expect(MailboxPage.Of(page).MessageLinks).ToHaveCountAsync(1);

        await clients.AppendAsync(user, [TestMessages.Plain("just arrived")], CancellationToken.None);

        await Expect(MailboxPage.Of(page).MessageLinks.First).ToContainTextAsync("just arrived", new() { Timeout = 10_000 });
        await Expect(MailboxPage.Of(page).UnreadBadge("INBOX")).ToContainTextAsync("2");

        using (var other = await clients.ImapAsync(user, DemoMailServer.TestPassword, CancellationToken.None))
        {
            await other.Inbox.OpenAsync(FolderAccess.ReadWrite);
            var archive = other.GetFolder(SpecialFolder.Archive)!;
            await other.Inbox.MoveToAsync(await other.Inbox.SearchAsync(MailKit.Search.SearchQuery.SubjectContains("already")), archive);
        }

        await Expect(MailboxPage.Of(page).MessageLinks).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Expect(MailboxPage.Of(page).UnreadBadge("Archive")).ToContainTextAsync("1");
    }
}
