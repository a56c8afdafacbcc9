using Microsoft.Playwright;

namespace WebMail.BrowserTests.Pages;

/// <summary>The Scheduled list: messages waiting to be sent later.</summary>
public sealed class ScheduledPage(IPage page)
{
    public static ScheduledPage Of(IPage page) => new(page);

    public ILocator Items => page.Locator("#scheduled-list li");

    public ILocator None => page.Locator("#no-scheduled");

    public ILocator Change(int index) => Items.Nth(index).Locator(".scheduled-edit");

    public ILocator Delete(int index) => Items.Nth(index).Locator(".scheduled-delete");

    public ILocator ConfirmDelete(int index) => Items.Nth(index).Locator(".scheduled-delete-yes");

    public async Task OpenFromNavigationAsync()
    {
        await page.Locator("#nav-scheduled:visible, #compose-scheduled-link:visible, #see-scheduled:visible").First.ClickAsync();
        await page.Locator("main[data-interactive=true] h1").WaitForAsync();
    }
}
