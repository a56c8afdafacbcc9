using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;

namespace WebMail.BrowserTests;

/// <summary>Signing in and out through the real page in Chromium, watching every byte the browser receives.</summary>
public sealed class SignInPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignInThenSignOut_ThroughThePage_PasswordNeverReachesTheBrowser()
    {
        var page = await browser.NewPageAsync();
        var received = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Response += async (_, response) =>
        {
            try
            {
                received.Enqueue(await response.TextAsync());
            }
            catch (PlaywrightException)
            {
                // Redirects and aborted requests have no body.
            }
        };
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => received.Enqueue(frame.Text ?? Convert.ToBase64String(frame.Binary ?? []));
        var user = DemoMailServer.NewTestAccount("browser");

        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\?returnUrl=%2F$"));
        await page.GetByLabel("Email address or user name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(DemoMailServer.TestPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(AppShell.Of(page).SignedInUser).ToHaveTextAsync(user);
        await AppShell.Of(page).Live.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "signed-in.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(SignInPage.Of(page).Status).ToHaveTextAsync("You have signed out.");
        Assert.NotEmpty(received);
        Assert.DoesNotContain(received.ToArray(), text => text.Contains(DemoMailServer.TestPassword, StringComparison.Ordinal));
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsTheProblemAndKeepsTheUserName()
    {
        var page = await browser.NewPageAsync(locale: "zh-CN");
        var user = DemoMailServer.NewTestAccount("browserwrong");

        await page.GotoAsync("/signin");
        await SignInPage.Of(page).UserName.FillAsync(user);
        await SignInPage.Of(page).Password.FillAsync("not-the-password");
        await SignInPage.Of(page).SubmitButton.ClickAsync();

        await Assertions.Expect(SignInPage.Of(page).Problem).ToHaveTextAsync("用户名或密码错误。");
        await Assertions.Expect(SignInPage.Of(page).UserName).ToHaveValueAsync(user);
        await Assertions.Expect(SignInPage.Of(page).Password).ToHaveValueAsync("");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "signin-wrong-password-zh-CN.png") });
    }
}
