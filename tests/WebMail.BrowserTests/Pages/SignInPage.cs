using Microsoft.Playwright;

namespace WebMail.BrowserTests.Pages;

/// <summary>The sign-in form.</summary>
public sealed class SignInPage(IPage page)
{
    public static SignInPage Of(IPage page) => new(page);

    public ILocator UserName => page.Locator("#username");

    public ILocator Password => page.Locator("#password");

    public ILocator Reading => page.Locator("#reading");

    public ILocator SubmitButton => page.Locator("button[type=submit]");

    /// <summary>A notice such as "You have signed out."</summary>
    public ILocator Status => page.Locator("[role=status]");

    /// <summary>The mail server's own words under a refused password.</summary>
    public ILocator ServerReply => page.Locator("#signin-server-reply");

    /// <summary>The school's hint under a refused password.</summary>
    public ILocator Hint => page.Locator("#signin-hint");

    public ILocator Problem => page.Locator("#signin-problem");

    /// <summary>Fills the form as a user does and presses Sign in.</summary>
    public async Task SubmitAsync(string user, string password, string? reading = null)
    {
        await UserName.FillAsync(user);
        await Password.FillAsync(password);
        if (reading is not null)
        {
            await Reading.SelectOptionAsync(reading);
        }

        await SubmitButton.ClickAsync();
    }
}
