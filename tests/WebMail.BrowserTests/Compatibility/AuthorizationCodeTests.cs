using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests.Compatibility;

/// <summary>
/// A server that wants a client authorization code (授权码) instead of the password says so in its refusal: the
/// student sees those words and the school's hint under "wrong user name or password" (issue 17).
/// </summary>
public sealed class AuthorizationCodeTests(QqMailFixture browser) : IClassFixture<QqMailFixture>
{
    [Fact]
    public async Task SignIn_PasswordWhereAnAuthorizationCodeIsNeeded_ShowsTheServersWordsAndTheSchoolsHint()
    {
        var page = await browser.NewPageAsync(locale: "zh-CN");
        await page.GotoAsync("/signin");
        var signIn = SignInPage.Of(page);

        await signIn.SubmitAsync(DemoMailServer.NewTestAccount("qq"), DemoMailServer.TestPassword, "Imap");

        await Expect(signIn.Problem).ToContainTextAsync("用户名或密码错误");
        await Expect(signIn.ServerReply).ToContainTextAsync("authorized code");
        await Expect(signIn.Hint).ToHaveTextAsync(QqMailFixture.Hint);
        Assert.DoesNotContain(DemoMailServer.TestPassword, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Contains(browser.Relay.Commands, c => c.StartsWith("AUTHENTICATE", StringComparison.Ordinal) || c.StartsWith("LOGIN", StringComparison.Ordinal));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "authorization-code-zh.png") });
    }
}
