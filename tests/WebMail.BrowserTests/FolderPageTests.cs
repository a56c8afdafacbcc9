using Microsoft.Playwright;
using WebMail.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests;

/// <summary>Folders, moving, search and stars, as a user does them in Chromium; the server is checked behind the UI.</summary>
public sealed class FolderPageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CreateFolder_MoveAMessageThere_FindItThere_ThenDeleteItForGood()
    {
        var user = DemoMailServer.NewTestAccount("folders");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Plain("stays"), TestMessages.Plain("goes to the project")], CancellationToken.None);
        var page = await browser.SignedInPageAsync(user);
        await Expect(page.Locator("#folder-pane a[data-folder=INBOX]")).ToHaveAttributeAsync("aria-current", "page");

        await page.Locator("#new-folder").ClickAsync();
        await page.Locator("#new-folder-name").FillAsync("Projects");
        await page.Locator("#new-folder-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#folder-pane a[data-folder=Projects]")).ToBeVisibleAsync();

        var row = page.Locator(".message-row", new() { HasText = "goes to the project" });
        await row.Locator(".message-select").CheckAsync();
        await Expect(page.Locator("#selection-count")).ToHaveTextAsync("1 selected");
        await page.Locator("#move-to").SelectOptionAsync(new SelectOptionValue { Label = "Projects" });
        await Expect(page.Locator("#message-list a")).ToHaveCountAsync(1);
        await Expect(page.Locator("#message-list")).Not.ToContainTextAsync("goes to the project");

        await page.Locator("#folder-pane a[data-folder=Projects]").ClickAsync();
        await Expect(page.Locator("#folder-title")).ToHaveTextAsync("Projects");
        await page.Locator("#message-list a", new() { HasText = "goes to the project" }).ClickAsync();
        await Expect(page.Locator("#message-subject")).ToHaveTextAsync("goes to the project");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "folder-message.png") });
        await page.Locator("#delete-message").ClickAsync();
        await Expect(page.Locator("#folder-title")).ToHaveTextAsync("Projects");
        await Expect(page.Locator("#inbox-empty")).ToBeVisibleAsync();

        await page.Locator("#folder-pane a[data-folder=Trash]").ClickAsync();
        await page.Locator("#message-list a", new() { HasText = "goes to the project" }).ClickAsync();
        await page.Locator("#delete-message").ClickAsync();
        await Expect(page.Locator("#confirm-delete-message")).ToBeVisibleAsync();
        await page.Locator("#confirm-delete-message-yes").ClickAsync();
        await Expect(page.Locator("#inbox-empty")).ToBeVisibleAsync();

        using var imap = await new MailTestClients(output).ImapAsync(user, DemoMailServer.TestPassword, CancellationToken.None);
        var projects = await imap.GetFolderAsync("Projects");
        await projects.StatusAsync(MailKit.StatusItems.Count);
        var trash = imap.GetFolder(MailKit.SpecialFolder.Trash)!;
        await trash.StatusAsync(MailKit.StatusItems.Count);
        Assert.Equal((0, 0), (projects.Count, trash.Count));
    }

    [Fact]
    public async Task SearchInChinese_AndStar_ShowOnlyMatches_AndTheStarReachesTheServer()
    {
        var user = DemoMailServer.NewTestAccount("search-ui");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Gb2312(), TestMessages.Plain("Library hours")], CancellationToken.None);
        var page = await browser.SignedInPageAsync(user);

        await page.Locator("#search").FillAsync("期末考试");
        await page.Locator("#search-submit").ClickAsync();

        await Expect(page.Locator("#folder-title")).ToHaveTextAsync("Search results");
        await Expect(page.Locator("#message-list a")).ToHaveCountAsync(1);
        await Expect(page.Locator("#message-list a")).ToContainTextAsync(TestMessages.ChineseSubject);
        Assert.Contains("q=", page.Url);

        await page.Locator(".star-toggle").First.ClickAsync();
        await Expect(page.Locator(".star-toggle").First).ToHaveAttributeAsync("aria-pressed", "true");
        using var imap = await new MailTestClients(output).ImapAsync(user, DemoMailServer.TestPassword, CancellationToken.None);
        await imap.Inbox.OpenAsync(MailKit.FolderAccess.ReadOnly);
        var flagged = await imap.Inbox.SearchAsync(MailKit.Search.SearchQuery.Flagged);
        Assert.Single(flagged);

        await page.Locator("#clear-search").ClickAsync();
        await Expect(page.Locator("#message-list a")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task RenameAndDeleteOwnFolder_EmptyTrash_EachAskedFirstWhereDestructive()
    {
        var user = DemoMailServer.NewTestAccount("manage-ui");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Plain("old news")], CancellationToken.None);
        using (var imap = await new MailTestClients(output).ImapAsync(user, DemoMailServer.TestPassword, CancellationToken.None))
        {
            await imap.GetFolder(imap.PersonalNamespaces[0]).CreateAsync("Clubs", true);
        }

        var page = await browser.SignedInPageAsync(user);
        await page.Locator("#folder-pane a[data-folder=Clubs]").ClickAsync();
        await page.Locator("#rename-folder").ClickAsync();
        await page.Locator("#rename-folder-name").FillAsync("Societies");
        await page.Locator("#rename-folder-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#folder-title")).ToHaveTextAsync("Societies");
        await Expect(page.Locator("#folder-pane a[data-folder=Clubs]")).ToHaveCountAsync(0);

        await page.Locator("#delete-folder").ClickAsync();
        await Expect(page.Locator("#confirm-delete-folder")).ToContainTextAsync("Societies");
        await page.Locator("#confirm-delete-folder-yes").ClickAsync();
        await Expect(page.Locator("#folder-title")).ToHaveTextAsync("Inbox");
        await Expect(page.Locator("#folder-pane a[data-folder=Societies]")).ToHaveCountAsync(0);

        await page.Locator(".message-select").First.CheckAsync();
        await page.Locator("#delete-selected").ClickAsync();
        await page.Locator("#folder-pane a[data-folder=Trash]").ClickAsync();
        Assert.Equal(0, await page.Locator("#rename-folder, #delete-folder").CountAsync());
        await page.Locator("#empty-trash").ClickAsync();
        await Expect(page.Locator("#confirm-empty-trash")).ToBeVisibleAsync();
        await page.Locator("#confirm-empty-trash-yes").ClickAsync();
        await Expect(page.Locator("#inbox-empty")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task DragSelectedMessagesOntoAFolder_MovesThemAll()
    {
        var user = DemoMailServer.NewTestAccount("drag");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Plain("one"), TestMessages.Plain("two"), TestMessages.Plain("three")], CancellationToken.None);
        var page = await browser.SignedInPageAsync(user);
        await page.Locator(".message-row", new() { HasText = "one" }).Locator(".message-select").CheckAsync();
        await page.Locator(".message-row", new() { HasText = "two" }).Locator(".message-select").CheckAsync();

        await page.Locator(".message-row", new() { HasText = "two" }).DragToAsync(page.Locator("#folder-pane a[data-folder=Archive]"));

        await Expect(page.Locator("#message-list a")).ToHaveCountAsync(1);
        await Expect(page.Locator("#message-list")).ToContainTextAsync("three");
        await page.Locator("#folder-pane a[data-folder=Archive]").ClickAsync();
        await Expect(page.Locator("#message-list a")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task DeleteThenUndoFromTheToast_PutsTheMessageBackInTheInbox()
    {
        var user = DemoMailServer.NewTestAccount("undo");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Plain("keep me"), TestMessages.Plain("oops")], CancellationToken.None);
        var page = await browser.SignedInPageAsync(user);

        await page.Locator(".message-row", new() { HasText = "oops" }).Locator(".message-select").CheckAsync();
        await page.Locator("#delete-selected").ClickAsync();
        var toast = page.Locator("#toasts .toast", new() { HasText = "moved to Trash" });
        await Expect(toast).ToBeVisibleAsync();
        await Expect(page.Locator("#message-list a")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "toast-undo.png") });

        await toast.Locator(".toast-undo").ClickAsync();

        await Expect(page.Locator("#toasts")).ToContainTextAsync("Undone.");
        await Expect(page.Locator("#message-list a")).ToHaveCountAsync(2);
        using var imap = await new MailTestClients(output).ImapAsync(user, DemoMailServer.TestPassword, CancellationToken.None);
        var trash = imap.GetFolder(MailKit.SpecialFolder.Trash)!;
        await trash.StatusAsync(MailKit.StatusItems.Count);
        await imap.Inbox.StatusAsync(MailKit.StatusItems.Count);
        Assert.Equal((0, 2), (trash.Count, imap.Inbox.Count));
    }
}
