using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests;

/// <summary>The storage gauge (issue 22) on the real Dovecot quota: at 91 % the list warns and leads to the largest messages.</summary>
public sealed class QuotaPageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task At91Percent_TheListWarns_LargestMessagesFirst()
    {
        var user = DemoMailServer.NewSmallQuotaAccount("page");
        await new MailTestClients(output).AppendAsync(user,
            [TestMessages.Plain("大的那封", string.Join("\n", Enumerable.Range(0, 1420).Select(i => $"{i:D6} " + new string('x', 56)))), TestMessages.Plain("小的那封")], _timeout);
        var page = await browser.SignedInPageAsync(user);

        await Expect(page.Locator("#quota-warning")).ToContainTextAsync("almost full");
        await Expect(page.Locator("#quota")).ToHaveAttributeAsync("data-percent", new System.Text.RegularExpressions.Regex("^9[0-9]$"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "quota-almost-full.png") });
        await page.Locator("#quota-largest").ClickAsync();

        await Expect(MailboxPage.Of(page).MessageLinks.First).ToContainTextAsync("大的那封");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=size"));
    }

    [Fact]
    public async Task OnAPhone_TheFoldersHidden_TheWarningStillAboveTheList()
    {
        var user = DemoMailServer.NewSmallQuotaAccount("phone");
        await new MailTestClients(output).AppendAsync(user,
            [TestMessages.Plain("大的那封", string.Join("\n", Enumerable.Range(0, 1420).Select(i => $"{i:D6} " + new string('x', 56))))], _timeout);
        var page = await browser.NewPageAsync(locale: "zh-CN", width: 390, height: 844);
        await BrowserFixture.SignInAsync(page, user);

        await Expect(page.Locator("#quota-phone-warning")).ToBeVisibleAsync();
        await Expect(page.Locator("#quota-phone-warning")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("邮箱已用 9[0-9]%"));
        await Expect(MailboxPage.Of(page).FolderPane).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "quota-almost-full-phone.png") });

        await MailboxPage.Of(page).FoldersToggle.ClickAsync(); // the pane opened shows its own bar and warning instead
        await Expect(page.Locator("#quota-warning")).ToBeVisibleAsync();
        await Expect(page.Locator("#quota-phone-warning")).ToHaveCountAsync(0);
    }
}
