using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests;

/// <summary>Messages saved as .eml files imported into a folder from the list (issue 22), in Chinese, a wrong file among them.</summary>
public sealed class EmlImportPageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task ImportIntoArchive_TheMessagesListed_AWrongFileSaidWhy()
    {
        var user = DemoMailServer.NewTestAccount("importui");
        var page = await browser.NewPageAsync(locale: "zh-CN");
        await BrowserFixture.SignInAsync(page, user);
        var mailbox = MailboxPage.Of(page);
        await mailbox.FolderLink("Archive").ClickAsync();
        await Expect(mailbox.FolderTitle).ToHaveTextAsync("归档");
        var files = new[]
        {
            await SavedAsync("通知.eml", TestMessages.Gb2312()),
            await SavedAsync("report.eml", TestMessages.Plain("Lab report, week 3")),
            new Microsoft.Playwright.FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = PreviewMessages.Png },
        };

        var chooser = await page.RunAndWaitForFileChooserAsync(() => mailbox.ImportEml.ClickAsync());
        await chooser.SetFilesAsync(files);

        await Expect(mailbox.ImportSummary).ToHaveTextAsync("已导入 2 封邮件到“归档”。");
        await Expect(mailbox.ImportFailures).ToHaveTextAsync(["photo.png: 该文件不是邮件（.eml）。"]);
        await Expect(mailbox.MessageLink(TestMessages.ChineseSubject)).ToBeVisibleAsync();
        await Expect(mailbox.MessageLink("Lab report, week 3")).ToBeVisibleAsync();
        await Expect(mailbox.ImportEml).ToBeEnabledAsync(); // ready for the next files
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "import-eml-zh.png") });
        Assert.Equal(2, await new MailTestClients(output).CountAsync(user, _timeout, "Archive"));
    }

    private async Task<Microsoft.Playwright.FilePayload> SavedAsync(string name, MimeKit.MimeMessage message)
    {
        using var file = new MemoryStream();
        await message.WriteToAsync(file, _timeout);
        return new() { Name = name, MimeType = "message/rfc822", Buffer = file.ToArray() };
    }
}
