using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;

namespace WebMail.BrowserTests;

/// <summary>
/// Two instances sharing one PostgreSQL for users' settings (scripts/postgres.sh), as a school with several runs them;
/// no shared sessions, so the second instance is where the user signs in again (another device, another day).
/// </summary>
public sealed class SharedSettingsFixture : BrowserFixture
{
    public SharedSettingsFixture()
        : this(DemoPostgres.NewDatabaseAsync(CancellationToken.None).GetAwaiter().GetResult())
    {
    }

    private SharedSettingsFixture(DemoPostgres database)
        : base(Instance(database)) => (Database, Second) = (database, Instance(database));

    public DemoPostgres Database { get; }

    public WebMailServerFactory Second { get; }

    public override async Task DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
            await Second.DisposeAsync();
        }
        finally
        {
            await Database.DisposeAsync();
        }
    }

    private static WebMailServerFactory Instance(DemoPostgres database) =>
        WebMailServerFactory.With(new() { ["ConnectionStrings:UserData"] = database.ConnectionString });
}

/// <summary>Who I am when I write (issue 19): a display name and a signature, kept beyond the session.</summary>
public sealed class SettingsPageTests(SharedSettingsFixture browser) : IClassFixture<SharedSettingsFixture>
{
    [Fact]
    public async Task NameAndSignature_Saved_GoIntoNewMail_AndFollowTheUserToAnotherInstance()
    {
        var (writer, reader) = (DemoMailServer.NewTestAccount("named"), DemoMailServer.NewTestAccount("namedreader"));
        var page = await browser.SignedInPageAsync(writer);

        await new SettingsPage(page).OpenFromNavigationAsync();
        await SettingsPage.Of(page).DisplayName.FillAsync("张伟");
        await Assertions.Expect(SettingsPage.Of(page).FromPreview).ToContainTextAsync($"张伟 <{writer}>");
        await SettingsPage.Of(page).AddSignature.ClickAsync();
        await SettingsPage.Of(page).SignatureName(0).FillAsync("学生");
        await SettingsPage.Of(page).SignatureText(0).FillAsync("张伟\n计算机学院 2023 级");
        await SettingsPage.Of(page).Language.SelectOptionAsync("zh-CN");
        await SettingsPage.Of(page).Save.ClickAsync();
        // Saving a new language reloads the page in it.
        await Assertions.Expect(AppShell.Of(page).Heading).ToHaveTextAsync("设置");
        await Assertions.Expect(SettingsPage.Of(page).Saved).ToHaveTextAsync("设置已保存。");
        await AppShell.Of(page).Live.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "settings-zh.png"), FullPage = true });

        await new ComposePage(page).OpenFromNavigationAsync();
        await Assertions.Expect(ComposePage.Of(page).Body).ToHaveValueAsync("\n\n-- \n张伟\n计算机学院 2023 级");
        await ComposePage.Of(page).To.FillAsync(reader);
        await ComposePage.Of(page).Subject.FillAsync("实验报告");
        await ComposePage.Of(page).Body.PressAsync("Control+Home");
        await ComposePage.Of(page).Body.PressSequentiallyAsync("报告已提交。");
        await ComposePage.Of(page).SendButton.ClickAsync();
        await Assertions.Expect(ComposePage.Of(page).Sent).ToBeVisibleAsync();

        var recipient = await browser.SignedInPageAsync(reader);
        await Assertions.Expect(MailboxPage.Of(recipient).MessageLinks.First).ToContainTextAsync("张伟");
        await MailboxPage.Of(recipient).MessageLinks.First.ClickAsync();
        await Assertions.Expect(MessagePane.Of(recipient).From).ToContainTextAsync($"张伟 <{writer}>");
        await Assertions.Expect(MessagePane.Of(recipient).Text).ToContainTextAsync("报告已提交。");
        await Assertions.Expect(MessagePane.Of(recipient).Text).ToContainTextAsync("计算机学院 2023 级");

        await AppShell.Of(page).SignOut.ClickAsync();
        var elsewhere = await NewPageOnAsync(browser.Second);
        await BrowserFixture.SignInAsync(elsewhere, writer);
        await Assertions.Expect(AppShell.Of(elsewhere).Heading).ToHaveTextAsync("收件箱"); // the language came along
        await new SettingsPage(elsewhere).OpenFromNavigationAsync();
        await Assertions.Expect(SettingsPage.Of(elsewhere).DisplayName).ToHaveValueAsync("张伟");
        await Assertions.Expect(SettingsPage.Of(elsewhere).SignatureText(0)).ToHaveValueAsync("张伟\n计算机学院 2023 级");
    }

    [Fact]
    public async Task ForgetMe_Confirmed_LeavesNothing_AndTheExportSaysSo()
    {
        var user = DemoMailServer.NewTestAccount("forget");
        var page = await browser.SignedInPageAsync(user);
        await new SettingsPage(page).OpenFromNavigationAsync();
        await SettingsPage.Of(page).DisplayName.FillAsync("李娜");
        await SettingsPage.Of(page).Save.ClickAsync();
        await Assertions.Expect(SettingsPage.Of(page).Saved).ToBeVisibleAsync();
        Assert.Contains("\"displayName\": \"李娜\"", await ExportAsync(page), StringComparison.Ordinal);

        await SettingsPage.Of(page).ForgetMe.ClickAsync();
        await SettingsPage.Of(page).ConfirmForget.ClickAsync();

        await Assertions.Expect(SettingsPage.Of(page).Forgotten).ToBeVisibleAsync();
        await Assertions.Expect(SettingsPage.Of(page).DisplayName).ToHaveValueAsync("");
        var export = await ExportAsync(page);
        Assert.Contains("\"displayName\": \"\"", export, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoMailServer.TestPassword, export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_SavedInWrite_StartsTheNextMessage_AndIsListedInSettings()
    {
        var user = DemoMailServer.NewTestAccount("templates");
        var page = await browser.SignedInPageAsync(user);
        await new ComposePage(page).OpenFromNavigationAsync();
        await ComposePage.Of(page).To.FillAsync($"class2023@{DemoMailServer.Domain}");
        await ComposePage.Of(page).Subject.FillAsync("周会通知");
        await ComposePage.Of(page).Body.FillAsync("各位同学：\n本周一晚七点在 301 开周会。");
        await ComposePage.Of(page).SaveAsTemplate.ClickAsync();
        await Assertions.Expect(ComposePage.Of(page).TemplateName).ToHaveValueAsync("周会通知"); // the subject offered as its name
        await ComposePage.Of(page).SaveTemplate.ClickAsync();
        await Assertions.Expect(ComposePage.Of(page).TemplateSaved).ToContainTextAsync("周会通知");

        var next = await browser.SignedInPageAsync(DemoMailServer.NewTestAccount("templates-other")); // someone else: none of it
        await new ComposePage(next).OpenFromNavigationAsync();
        await Assertions.Expect(ComposePage.Of(next).StartFromTemplate).ToHaveCountAsync(0);

        var again = await browser.SignedInPageAsync(user); // another day, another device: no draft of that session
        await new ComposePage(again).OpenFromNavigationAsync();
        await ComposePage.Of(again).StartFromTemplate.SelectOptionAsync(new SelectOptionValue { Label = "周会通知" });
        await ComposePage.Of(again).ExpectToAsync($"class2023@{DemoMailServer.Domain}");
        await Assertions.Expect(ComposePage.Of(again).Subject).ToHaveValueAsync("周会通知");
        await Assertions.Expect(ComposePage.Of(again).Body).ToHaveValueAsync("各位同学：\n本周一晚七点在 301 开周会。");

        await new SettingsPage(again).OpenFromNavigationAsync();
        await Assertions.Expect(SettingsPage.Of(again).Templates).ToHaveCountAsync(1);
        await Assertions.Expect(SettingsPage.Of(again).Templates.First).ToContainTextAsync("周会通知");
    }

    // As the user's browser downloads it: the Export link, with the session cookie.
    private static async Task<string> ExportAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => SettingsPage.Of(page).Export.ClickAsync());
        Assert.Equal("webmail-settings.json", download.SuggestedFilename);
        return await File.ReadAllTextAsync(await download.PathAsync());
    }

    private async Task<IPage> NewPageOnAsync(WebMailServerFactory instance)
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = instance.BaseAddress.ToString(), Locale = "en-US" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }
}
