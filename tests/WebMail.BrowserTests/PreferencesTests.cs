using Microsoft.Playwright;
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
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");

        await page.Locator("#switch-language").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("登录");

        await BrowserFixture.SignInAsync(page, DemoMailServer.NewTestAccount("language"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("收件箱");
        await page.Locator("#switch-language").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Inbox");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    [Fact]
    public async Task ColourMode_FollowsTheSystemAndTheToggle()
    {
        var page = await browser.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.GotoAsync("/signin");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "dark");

        await page.Locator("#toggle-theme").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "light");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "light");

        await page.Locator("#toggle-theme").ClickAsync();
        await BrowserFixture.SignInAsync(page, DemoMailServer.NewTestAccount("dark"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "dark");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "inbox-dark.png") });
    }
}
