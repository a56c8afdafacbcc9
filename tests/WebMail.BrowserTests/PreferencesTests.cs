using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;

namespace WebMail.BrowserTests;

/// <summary>Language and colour mode, chosen by the user and remembered.</summary>
public sealed class PreferencesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Language_SwitchedOnSignInAndInbox_IsRememberedAcrossPages()
    {
        var page = await browser.NewPageAsync(locale: "en-US");
        await page.GotoAsync("/signin");
        await Assertions.Expect(AppShell.Of(page).Heading).ToHaveTextAsync("Sign in");

        await AppShell.Of(page).SwitchLanguage.ClickAsync();
        await Assertions.Expect(AppShell.Of(page).Heading).ToHaveTextAsync("登录");

        await BrowserFixture.SignInAsync(page, DemoMailServer.NewTestAccount("language"));
        await Assertions.Expect(AppShell.Of(page).Heading).ToHaveTextAsync("收件箱");
        await AppShell.Of(page).SwitchLanguage.ClickAsync();
        await Assertions.Expect(AppShell.Of(page).Heading).ToHaveTextAsync("Inbox");
        await Assertions.Expect(AppShell.Of(page).Document).ToHaveAttributeAsync("lang", "en");
    }

    [Fact]
    public async Task ColourMode_FollowsTheSystemAndTheToggle()
    {
        var page = await browser.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.GotoAsync("/signin");
        await Assertions.Expect(AppShell.Of(page).Document).ToHaveAttributeAsync("data-bs-theme", "dark");

        await AppShell.Of(page).ToggleTheme.ClickAsync();
        await Assertions.Expect(AppShell.Of(page).Document).ToHaveAttributeAsync("data-bs-theme", "light");
        await page.ReloadAsync();
        await Assertions.Expect(AppShell.Of(page).Document).ToHaveAttributeAsync("data-bs-theme", "light");

        await AppShell.Of(page).ToggleTheme.ClickAsync();
        await BrowserFixture.SignInAsync(page, DemoMailServer.NewTestAccount("dark"));
        await Assertions.Expect(AppShell.Of(page).Document).ToHaveAttributeAsync("data-bs-theme", "dark");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "inbox-dark.png") });
    }
}
