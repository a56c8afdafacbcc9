using Microsoft.Playwright;

namespace WebMail.BrowserTests.Pages;

/// <summary>What every page has: the top bar, language and colour switches, shortcut help, the live-connection state.</summary>
public sealed class AppShell(IPage page)
{
    public static AppShell Of(IPage page) => new(page);

    /// <summary>Present once the page is live (its circuit connected).</summary>
    public ILocator Live => page.Locator("main[data-interactive=true]");

    public ILocator NotYetLive => page.Locator("main[data-interactive=false]");

    public ILocator Document => page.Locator("html");

    public ILocator Heading => page.Locator("h1");

    public ILocator NavBar => page.Locator("nav.navbar");

    public ILocator Brand => page.Locator(".navbar-brand");

    public ILocator SwitchLanguage => page.Locator("#switch-language");

    public ILocator ToggleTheme => page.Locator("#toggle-theme");

    public ILocator ShortcutHelp => page.Locator("#shortcut-help");

    public ILocator SignedInUser => page.Locator("#signed-in-user");

    public ILocator Write => page.Locator("#nav-compose");

    public ILocator SignOut => page.Locator("form[action='account/signout'] button");

    public ILocator ReconnectModal => page.Locator("#components-reconnect-modal");
}
