using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;

namespace WebMail.BrowserTests;

/// <summary>The status page in a real browser: Bootstrap styles apply and the button works over Blazor Server.</summary>
public sealed class MailServerStatusPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CheckNow_Clicked_ShowsEveryDemoServerHealthy()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("status");
        await WaitForInteractivityAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Check now" }).ClickAsync();

        var rows = StatusPage.Of(page).Rows;
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(StatusPage.Of(page).HealthyRows).ToHaveCountAsync(3);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "status-en.png"), FullPage = true });
    }

    [Fact]
    public async Task Page_Loaded_BootstrapStylesApply()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("status");
        await WaitForInteractivityAsync(page);

        // The bar's own blue (app.css, darker than Bootstrap's primary for contrast); without the stylesheets it would have none.
        var background = await AppShell.Of(page).NavBar.EvaluateAsync<string>("n => getComputedStyle(n).backgroundColor");

        Assert.Equal("rgb(10, 88, 202)", background);
    }

    [Fact]
    public async Task CheckNow_ChineseBrowser_ShowsChineseResults()
    {
        var page = await browser.NewPageAsync(locale: "zh-CN");
        await page.GotoAsync("status");
        await WaitForInteractivityAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "立即检查" }).ClickAsync();

        await Assertions.Expect(StatusPage.Of(page).Rows.First).ToContainTextAsync("连接正常");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "status-zh-CN.png"), FullPage = true });
    }

    /// <summary>Prerendered HTML appears before the circuit is up; a click before that would be lost.</summary>
    private static Task WaitForInteractivityAsync(IPage page) =>
        AppShell.Of(page).Live.WaitForAsync();
}
