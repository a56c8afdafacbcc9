using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests.Compatibility;

/// <summary>
/// A server that signs the user in but will not open a folder (Coremail without IMAP ID): whatever the compose page
/// loads in the background, and however that fails, what the user typed stays (issue 17).
/// </summary>
public sealed class MisbehavingServerComposeTests(UnidentifiedCoremailFixture browser) : IClassFixture<UnidentifiedCoremailFixture>
{
    // Typing before the page is live, and what a background load may do then, is TypingBeforeLiveTests' subject.
    [Fact]
    public async Task Compose_ServerRefusesEveryFolder_TypedFieldsSurviveAndTheMessageGoesOut()
    {
        var user = DemoMailServer.NewTestAccount("coremail-compose");
        var page = await browser.SignedInPageAsync(user, "Imap");
        var compose = ComposePage.Of(page);
        await compose.OpenFromNavigationAsync();

        // To the test's own address: a test never writes into the demo accounts' mailboxes.
        await compose.TypeAsync(user, "期末安排", "请查收。");
        // Autosave and the background loads run and fail against this server meanwhile.
        await page.WaitForTimeoutAsync(4000);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "coremail-without-id-compose.png") });

        await compose.ExpectToAsync(user);
        await Expect(compose.Subject).ToHaveValueAsync("期末安排");
        await Expect(compose.Body).ToHaveValueAsync("请查收。");
        await compose.SendAsync();
    }
}
