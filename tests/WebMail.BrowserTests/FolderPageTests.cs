using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
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
        await Expect(MailboxPage.Of(page).FolderLink("INBOX")).ToHaveAttributeAsync("aria-current", "page");

        await MailboxPage.Of(page).NewFolder.ClickAsync();
        await MailboxPage.Of(page).NewFolderName.FillAsync("Projects");
        await MailboxPage.Of(page).CreateFolderButton.ClickAsync();
        await Expect(MailboxPage.Of(page).FolderLink("Projects")).ToBeVisibleAsync();

        await MailboxPage.Of(page).RowCheckbox("goes to the project").CheckAsync();
        await Expect(MailboxPage.Of(page).SelectionCount).ToHaveTextAsync("1 selected");
        await MailboxPage.Of(page).MoveTo.SelectOptionAsync(new SelectOptionValue { Label = "Projects" });
        await Expect(MailboxPage.Of(page).MessageLinks).ToHaveCountAsync(1);
        await Expect(MailboxPage.Of(page).MessageList).Not.ToContainTextAsync("goes to the project");

        await MailboxPage.Of(page).FolderLink("Projects").ClickAsync();
        await Expect(MailboxPage.Of(page).FolderTitle).ToHaveTextAsync("Projects");
        await MailboxPage.Of(page).MessageLink("goes to the project").ClickAsync();
        await Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("goes to the project");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "folder-message.png") });
        await MessagePane.Of(page).Delete.ClickAsync();
        await Expect(MailboxPage.Of(page).FolderTitle).ToHaveTextAsync("Projects");
        await Expect(MailboxPage.Of(page).Empty).ToBeVisibleAsync();

        await MailboxPage.Of(page).FolderLink("Trash").ClickAsync();
        await MailboxPage.Of(page).MessageLink("goes to the project").ClickAsync();
        await MessagePane.Of(page).Delete.ClickAsync();
        await Expect(MessagePane.Of(page).ConfirmDelete).ToBeVisibleAsync();
        await MessagePane.Of(page).ConfirmDeleteYes.ClickAsync();
        await Expect(MailboxPage.Of(page).Empty).ToBeVisibleAsync();

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

        await MailboxPage.Of(page).SearchBox.FillAsync("期末考试");
        await MailboxPage.Of(page).SearchButton.ClickAsync();

        await Expect(MailboxPage.Of(page).FolderTitle).ToHaveTextAsync("Search results");
        await Expect(MailboxPage.Of(page).MessageLinks).ToHaveCountAsync(1);
        await Expect(MailboxPage.Of(page).MessageLinks).ToContainTextAsync(TestMessages.ChineseSubject);
        Assert.Contains("q=", page.Url);

        await MailboxPage.Of(page).StarToggles.First.ClickAsync();
        await Expect(MailboxPage.Of(page).StarToggles.First).ToHaveAttributeAsync("aria-pressed", "true");
        using var imap = await new MailTestClients(output).ImapAsync(user, DemoMailServer.TestPassword, CancellationToken.None);
        await imap.Inbox.OpenAsync(MailKit.FolderAccess.ReadOnly);
        var flagged = await imap.Inbox.SearchAsync(MailKit.Search.SearchQuery.Flagged);
        Assert.Single(flagged);

        await MailboxPage.Of(page).ClearSearch.ClickAsync();
        await Expect(MailboxPage.Of(page).MessageLinks).ToHaveCountAsync(2);
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
        await MailboxPage.Of(page).FolderLink("Clubs").ClickAsync();
        await MailboxPage.Of(page).RenameFolder.ClickAsync();
        await MailboxPage.Of(page).RenameFolderName.FillAsync("Societies");
        await MailboxPage.Of(page).RenameFolderButton.ClickAsync();
        await Expect(MailboxPage.Of(page).FolderTitle).ToHaveTextAsync("Societies");
        await Expect(MailboxPage.Of(page).FolderLink("Clubs")).ToHaveCountAsync(0);

        await MailboxPage.Of(page).DeleteFolder.ClickAsync();
        await Expect(MailboxPage.Of(page).ConfirmDeleteFolder).ToContainTextAsync("Societies");
        await MailboxPage.Of(page).ConfirmDeleteFolderYes.ClickAsync();
        await Expect(MailboxPage.Of(page).FolderTitle).ToHaveTextAsync("Inbox");
        await Expect(MailboxPage.Of(page).FolderLink("Societies")).ToHaveCountAsync(0);

        await MailboxPage.Of(page).RowCheckboxes.First.CheckAsync();
        await MailboxPage.Of(page).DeleteSelected.ClickAsync();
        await MailboxPage.Of(page).FolderLink("Trash").ClickAsync();
        Assert.Equal(0, await MailboxPage.Of(page).FolderActions.CountAsync());
        await MailboxPage.Of(page).EmptyTrash.ClickAsync();
        await Expect(MailboxPage.Of(page).ConfirmEmptyTrash).ToBeVisibleAsync();
        await MailboxPage.Of(page).ConfirmEmptyTrashYes.ClickAsync();
        await Expect(MailboxPage.Of(page).Empty).ToBeVisibleAsync();
    }

    [Fact]
    public async Task DragSelectedMessagesOntoAFolder_MovesThemAll()
    {
        var user = DemoMailServer.NewTestAccount("drag");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Plain("one"), TestMessages.Plain("two"), TestMessages.Plain("three")], CancellationToken.None);
        var page = await browser.SignedInPageAsync(user);
        await MailboxPage.Of(page).RowCheckbox("one").CheckAsync();
        await MailboxPage.Of(page).RowCheckbox("two").CheckAsync();

        await MailboxPage.Of(page).Row("two").DragToAsync(MailboxPage.Of(page).FolderLink("Archive"));

        await Expect(MailboxPage.Of(page).MessageLinks).ToHaveCountAsync(1);
        await Expect(MailboxPage.Of(page).MessageList).ToContainTextAsync("three");
        await MailboxPage.Of(page).FolderLink("Archive").ClickAsync();
        await Expect(MailboxPage.Of(page).MessageLinks).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task DeleteThenUndoFromTheToast_PutsTheMessageBackInTheInbox()
    {
        var user = DemoMailServer.NewTestAccount("undo");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Plain("keep me"), TestMessages.Plain("oops")], CancellationToken.None);
        var page = await browser.SignedInPageAsync(user);

        await MailboxPage.Of(page).RowCheckbox("oops").CheckAsync();
        await MailboxPage.Of(page).DeleteSelected.ClickAsync();
        var toast = MailboxPage.Of(page).Toast("moved to Trash");
        await Expect(toast).ToBeVisibleAsync();
        await Expect(MailboxPage.Of(page).MessageLinks).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "toast-undo.png") });

        await MailboxPage.UndoIn(toast).ClickAsync();

        await Expect(MailboxPage.Of(page).Toasts).ToContainTextAsync("Undone.");
        await Expect(MailboxPage.Of(page).MessageLinks).ToHaveCountAsync(2);
        using var imap = await new MailTestClients(output).ImapAsync(user, DemoMailServer.TestPassword, CancellationToken.None);
        var trash = imap.GetFolder(MailKit.SpecialFolder.Trash)!;
        await trash.StatusAsync(MailKit.StatusItems.Count);
        await imap.Inbox.StatusAsync(MailKit.StatusItems.Count);
        Assert.Equal((0, 2), (trash.Count, imap.Inbox.Count));
    }
}
