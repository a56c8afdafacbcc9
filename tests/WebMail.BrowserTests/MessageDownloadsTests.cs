using System.IO.Compression;
using System.Security.Cryptography;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests;

/// <summary>
/// A message taken home (issue 22): all attachments as one zip with their Chinese names, the message as .eml, and
/// on paper through the print view.
/// </summary>
public sealed class MessageDownloadsTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Theory]
    [InlineData("Imap")]
    [InlineData("Pop3")]
    public async Task DownloadAll_AZipWithTheChineseNames_AndTheMessageAsEml(string reading)
    {
        var user = DemoMailServer.NewTestAccount("downloads");
        var (report, photo) = (RandomNumberGenerator.GetBytes(20_000), RandomNumberGenerator.GetBytes(8_000));
        var body = new MimeKit.BodyBuilder { TextBody = "材料见附件。" };
        body.Attachments.Add("实验报告（第三周）.pdf", report);
        body.Attachments.Add("现场照片.jpg", photo);
        var message = new MimeKit.MimeMessage { Subject = "实验材料", Body = body.ToMessageBody() };
        message.From.Add(MimeKit.MailboxAddress.Parse("teacher@school.test"));
        await new MailTestClients(output).AppendAsync(user, [message], _timeout);
        var page = await browser.NewPageAsync(locale: "zh-CN");
        await BrowserFixture.SignInAsync(page, user, reading);

        await MailboxPage.Of(page).MessageLinks.First.ClickAsync();
        await Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("实验材料");
        await Expect(MessagePane.Of(page).DownloadAll).ToHaveTextAsync("全部下载（.zip）");
        var zipped = await page.RunAndWaitForDownloadAsync(() => MessagePane.Of(page).DownloadAll.ClickAsync());
        var eml = await page.RunAndWaitForDownloadAsync(() => MessagePane.Of(page).DownloadEml.ClickAsync());

        Assert.Equal("实验材料.zip", zipped.SuggestedFilename);
        using (var zip = new ZipArchive(new MemoryStream(await File.ReadAllBytesAsync(await zipped.PathAsync(), _timeout))))
        {
            Assert.Equal(["实验报告（第三周）.pdf", "现场照片.jpg"], zip.Entries.Select(e => e.FullName));
            using var first = new MemoryStream();
            await (await zip.Entries[0].OpenAsync(_timeout)).CopyToAsync(first, _timeout);
            Assert.Equal(report, first.ToArray());
        }

        Assert.Equal("实验材料.eml", eml.SuggestedFilename);
        var saved = MimeKit.MimeMessage.Load(await eml.PathAsync());
        Assert.Equal("实验材料", saved.Subject);
        Assert.Equal(2, saved.Attachments.Count());
    }

    [Fact]
    public async Task Print_OpensTheMessageLaidOutForPaper_NoRequestLeaves_NoScriptFromTheMail()
    {
        var user = DemoMailServer.NewTestAccount("print");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Html("通知：期末考试安排")], _timeout);
        var page = await browser.NewPageAsync(locale: "zh-CN");
        await BrowserFixture.SignInAsync(page, user);
        // What reaches the network (a request the page's policy blocks never gets here), as in HostileMailFixture.
        var left = new List<string>();
        await page.Context.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).Host == browser.BaseAddress.Host)
            {
                await route.ContinueAsync();
            }
            else
            {
                left.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        var dialogs = 0;
        page.Context.Page += (_, opened) => opened.Dialog += (_, _) => dialogs++;
        await page.Context.AddInitScriptAsync("window.print = () => { document.documentElement.dataset.printed = 'yes'; };");

        await MailboxPage.Of(page).MessageLinks.First.ClickAsync();
        await Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("通知：期末考试安排");
        var printed = await page.RunAndWaitForPopupAsync(() => MessagePane.Of(page).Print.ClickAsync());
        await printed.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);

        await Expect(printed.Locator("h1")).ToHaveTextAsync("通知：期末考试安排");
        await Expect(printed.Locator("html")).ToHaveAttributeAsync("data-printed", "yes"); // print.js ran under the page's policy
        await Expect(printed.Locator("table.headers")).ToContainTextAsync("发件人");
        await Expect(printed.Locator(".body b")).ToHaveTextAsync("bold");
        await printed.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "print-zh.png"), FullPage = true });
        Assert.Empty(left); // the mail's tracking picture (TestMessages.Html) stayed blocked
        Assert.Equal(0, dialogs); // alert(1) in the mail never ran (the print dialog is not a page dialog)
    }

    [Fact]
    public async Task PrintConversation_EveryMessageOfTheThread_OldestFirst()
    {
        var user = DemoMailServer.NewTestAccount("printthread");
        var day = DateTimeOffset.Now.AddDays(-3);
        var root = TestMessages.Sent("社团招新", "club@school.test", day, body: "招新开始");
        var reply = TestMessages.ReplyTo(root, "回复：社团招新", day.AddDays(1));
        reply.Body = new MimeKit.TextPart("plain") { Text = "我想报名" };
        await new MailTestClients(output).AppendAsync(user, [root, reply], _timeout);
        var page = await browser.NewPageAsync(locale: "zh-CN");
        await page.Context.AddInitScriptAsync("window.print = () => { document.documentElement.dataset.printed = 'yes'; };");
        await BrowserFixture.SignInAsync(page, user);

        await MailboxPage.Of(page).MessageLink("回复：社团招新").ClickAsync();
        await Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("回复：社团招新");
        await MessagePane.Of(page).PrintOptions.ClickAsync();
        var printed = await page.RunAndWaitForPopupAsync(() => MessagePane.Of(page).PrintConversation.ClickAsync());
        await printed.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);

        await Expect(printed.Locator("article h1")).ToHaveTextAsync(["社团招新", "回复：社团招新"]);
        await Expect(printed.Locator("article .text")).ToHaveTextAsync(["招新开始", "我想报名"]);
        await Expect(printed.Locator("html")).ToHaveAttributeAsync("data-printed", "yes");
        await printed.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "print-conversation-zh.png"), FullPage = true });
    }
}
