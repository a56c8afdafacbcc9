using Microsoft.Playwright;

namespace WebMail.BrowserTests.Pages;

/// <summary>The list page as a user sees it: the message list, the folder pane, selection, search and toasts.</summary>
public sealed class MailboxPage(IPage page)
{
    public static MailboxPage Of(IPage page) => new(page);

    /// <summary>Every message's link in the list (one per line).</summary>
    public ILocator MessageLinks => page.Locator("#message-list a");

    public ILocator MessageList => page.Locator("#message-list");

    /// <summary>The list once the page is live.</summary>
    public ILocator LiveMessageList => page.Locator("main[data-interactive=true] #message-list");

    public ILocator Rows => page.Locator(".message-row");

    public ILocator RowCheckboxes => page.Locator(".message-select");

    public ILocator RowLinks => page.Locator("#message-list .message-link");

    /// <summary>The line of the message open in the pane.</summary>
    public ILocator OpenRow => page.Locator(".message-row.open-in-pane");

    public ILocator RowDates => page.Locator("#message-list time");

    /// <summary>Anything a message's headers could smuggle into the list (none of it belongs there).</summary>
    public ILocator ActiveContentInList => page.Locator("#message-list img, #message-list script, #message-list svg:not(.paperclip-icon):not(.star-icon)");

    public ILocator SearchBox => page.Locator("#search");

    public ILocator SearchButton => page.Locator("#search-submit");

    public ILocator ClearSearch => page.Locator("#clear-search");

    public ILocator AdvancedSearchToggle => page.Locator("#toggle-advanced-search");

    public ILocator FolderTitle => page.Locator("#folder-title");

    public ILocator FolderPane => page.Locator("#folder-pane");

    public ILocator FoldersToggle => page.Locator("#toggle-folders");

    public ILocator Empty => page.Locator("#inbox-empty");

    public ILocator Range => page.Locator("#inbox-range");

    public ILocator RefreshButton => page.Locator("#refresh");

    /// <summary>
    /// Opens the inbox and presses Refresh, as a user waiting for a message would, until it lists one (delivery
    /// takes a moment); at most ten seconds.
    /// </summary>
    public async Task OpenInboxWhenMailArrivedAsync()
    {
        await page.GotoAsync("/");
        for (var attempt = 0; attempt < 20 && await MessageLinks.CountAsync() == 0; attempt++)
        {
            await page.WaitForTimeoutAsync(500);
            await RefreshButton.ClickAsync();
        }
    }

    public ILocator SelectionCount => page.Locator("#selection-count");

    public ILocator DeleteSelected => page.Locator("#delete-selected");

    public ILocator MoveTo => page.Locator("#move-to");

    public ILocator StarToggles => page.Locator(".star-toggle");

    public ILocator NewFolder => page.Locator("#new-folder");

    public ILocator NewFolderName => page.Locator("#new-folder-name");

    public ILocator CreateFolderButton => page.Locator("#new-folder-form button[type=submit]");

    public ILocator RenameFolder => page.Locator("#rename-folder");

    public ILocator RenameFolderName => page.Locator("#rename-folder-name");

    public ILocator RenameFolderButton => page.Locator("#rename-folder-form button[type=submit]");

    public ILocator FolderActions => page.Locator("#rename-folder, #delete-folder");

    /// <summary>"Import .eml": opens the file chooser for messages saved as files, imported into the folder shown.</summary>
    public ILocator ImportEml => page.Locator("#import-eml");

    /// <summary>What the import did: how many were imported into which folder.</summary>
    public ILocator ImportSummary => page.Locator("#import-summary");

    /// <summary>Each file that was not imported, with why.</summary>
    public ILocator ImportFailures => page.Locator("#import-failures li");

    public ILocator DeleteFolder => page.Locator("#delete-folder");

    public ILocator ConfirmDeleteFolder => page.Locator("#confirm-delete-folder");

    public ILocator ConfirmDeleteFolderYes => page.Locator("#confirm-delete-folder-yes");

    public ILocator EmptyTrash => page.Locator("#empty-trash");

    public ILocator ConfirmEmptyTrash => page.Locator("#confirm-empty-trash");

    public ILocator ConfirmEmptyTrashYes => page.Locator("#confirm-empty-trash-yes");

    public ILocator Toasts => page.Locator("#toasts");

    public ILocator ToastItems => page.Locator("#toasts .toast");

    /// <summary>The notice that the server could not search the text of the messages.</summary>
    public ILocator BodyNotSearched => page.Locator("#body-not-searched");

    public ILocator Problem => page.Locator("#mail-problem");

    /// <summary>The folder's link in the pane, by its path on the server.</summary>
    public ILocator FolderLink(string path) => page.Locator($"#folder-pane a[data-folder={path}]");

    /// <summary>The unread count beside a folder in the pane.</summary>
    public ILocator UnreadBadge(string path) => FolderLink(path).Locator(".badge");

    /// <summary>The link of the message whose line contains <paramref name="text"/>.</summary>
    public ILocator MessageLink(string text) => page.Locator("#message-list a", new() { HasText = text });

    /// <summary>The checkbox that selects the message whose line contains <paramref name="text"/>.</summary>
    public ILocator RowCheckbox(string text) => Row(text).Locator(".message-select");

    /// <summary>The first line's link (where the keyboard focus starts).</summary>
    public ILocator FirstRowLink => Rows.First.Locator(".message-link");

    /// <summary>The toast that says <paramref name="text"/>.</summary>
    public ILocator Toast(string text) => page.Locator("#toasts .toast", new() { HasText = text });

    /// <summary>A toast's Undo button.</summary>
    public static ILocator UndoIn(ILocator toast) => toast.Locator(".toast-undo");

    /// <summary>The line of the message whose text contains <paramref name="text"/>.</summary>
    public ILocator Row(string text) => page.Locator(".message-row", new() { HasText = text });
}
