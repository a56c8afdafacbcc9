using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;

namespace WebMail.BrowserTests;

/// <summary>
/// One headless Debian Chromium (never a downloaded browser) and one app on a loopback port, shared by a test class.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public BrowserFixture()
        : this(WebMailServerFactory.WithManagementPort())
    {
    }

    protected BrowserFixture(WebMailServerFactory app) => App = app;

    public WebMailServerFactory App { get; }

    /// <summary>Where the browser goes: the app itself, or a proxy in front of several instances.</summary>
    public virtual Uri BaseAddress => App.BaseAddress;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go, for a person to look at (scripts/test.sh prints the folder).</summary>
    public static string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("WEBMAIL_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");

    public virtual async Task InitializeAsync()
    {
        Assert.True(File.Exists(DebianChromium.ExecutablePath), $"{DebianChromium.ExecutablePath} is missing: scripts/test.sh installs Debian's chromium package");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = DebianChromium.ExecutablePath,
            Headless = true,
            Args = DebianChromium.Arguments,
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>
    /// How long an action or an expectation may wait. Playwright's own default for expectations is 5 s, under which a
    /// page answers here in well under a second; but CI runs every test project at once on two cores, and a render
    /// can then wait its turn for seconds. A check that passes passes as soon as it holds, so a longer bound costs
    /// nothing but the time a real failure takes to report.
    /// </summary>
    public const int WaitBound = 15_000;

    static BrowserFixture() => Assertions.SetDefaultExpectTimeout(WaitBound);

    public async Task<IPage> NewPageAsync(string locale = "en-US", string timeZone = "UTC", int width = 1280, int height = 800, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            TimezoneId = timeZone,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(WaitBound);
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in through the real form, its live connection up.</summary>
    public async Task<IPage> SignedInPageAsync(string user, string? reading = null, string timeZone = "UTC")
    {
        var page = await NewPageAsync(timeZone: timeZone);
        await SignInAsync(page, user, reading);
        return page;
    }

    public static async Task SignInAsync(IPage page, string user, string? reading = null)
    {
        await page.GotoAsync("/signin");
        await SignInPage.Of(page).UserName.FillAsync(user);
        await SignInPage.Of(page).Password.FillAsync(DemoMailServer.TestPassword);
        if (reading is not null)
        {
            await SignInPage.Of(page).Reading.SelectOptionAsync(reading);
        }

        await SignInPage.Of(page).SubmitButton.ClickAsync();
        await AppShell.Of(page).Live.WaitForAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
