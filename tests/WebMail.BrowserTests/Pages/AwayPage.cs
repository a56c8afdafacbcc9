using Microsoft.Playwright;

namespace WebMail.BrowserTests.Pages;

/// <summary>The away message page (Settings → Away message), and the list's notice while it is on.</summary>
public sealed class AwayPage(IPage page)
{
    public static AwayPage Of(IPage page) => new(page);

    public ILocator LinkInSettings => page.Locator("#settings-away");

    public ILocator Form => page.Locator("main[data-interactive=true] #away-form");

    public ILocator On => page.Locator("#away-on");

    public ILocator Start => page.Locator("#away-start");

    public ILocator End => page.Locator("#away-end");

    public ILocator Subject => page.Locator("#away-subject");

    public ILocator Text => page.Locator("#away-text");

    public ILocator Days => page.Locator("#away-days");

    public ILocator Save => page.Locator("#away-save");

    public ILocator Saved => page.Locator("#away-saved");

    public ILocator Invalid => page.Locator("#away-invalid");

    /// <summary>On the list page, while the away message is on.</summary>
    public ILocator Notice => page.Locator("#away-on-notice");

    public ILocator TurnOffFromNotice => page.Locator("#away-turn-off");

    /// <summary>Settings → the away message page, once live.</summary>
    public async Task OpenFromSettingsAsync()
    {
        await new SettingsPage(page).OpenFromNavigationAsync();
        await LinkInSettings.ClickAsync();
        await Form.WaitForAsync();
    }
}
