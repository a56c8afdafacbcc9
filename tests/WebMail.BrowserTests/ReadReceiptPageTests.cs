using MimeKit;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests;

/// <summary>A read receipt (issue 22) in Chromium: asked in Chinese, sent only when the user presses the button, asked once.</summary>
public sealed class ReadReceiptPageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private readonly MailTestClients _clients = new(output);

    [Fact]
    public async Task ReceiptAsked_NothingSentOnOpening_SentAfterConsent_NotAskedAgain()
    {
        var (teacher, student) = (DemoMailServer.NewTestAccount("receipt-page-asker"), DemoMailServer.NewTestAccount("receipt-page"));
        var asking = new MimeMessage { Subject = "期中成绩", MessageId = "grades@school.test", Body = new TextPart("plain") { Text = "请查收。" } };
        asking.From.Add(MailboxAddress.Parse(teacher));
        asking.To.Add(MailboxAddress.Parse(student));
        asking.Headers.Add(HeaderId.DispositionNotificationTo, teacher);
        await _clients.AppendAsync(student, [asking], _timeout);
        var page = await browser.NewPageAsync(locale: "zh-CN");
        await BrowserFixture.SignInAsync(page, student);

        await MailboxPage.Of(page).MessageLinks.First.ClickAsync();
        await Expect(MessagePane.Of(page).ReceiptRequest).ToContainTextAsync($"{teacher} 请求在您阅读此邮件后收到回执。");
        await Task.Delay(1500, _timeout);
        Assert.Equal(0, await _clients.CountAsync(teacher, _timeout)); // opened and read: still nothing sent

        await MessagePane.Of(page).SendReceipt.ClickAsync();
        await Expect(MailboxPage.Of(page).Toast("已发送已读回执。")).ToBeVisibleAsync();
        await Expect(MessagePane.Of(page).ReceiptRequest).ToBeHiddenAsync();
        await _clients.WaitForInboxAsync(teacher, 1, _timeout);

        await page.ReloadAsync();
        await Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("期中成绩");
        await AppShell.Of(page).Live.WaitForAsync();
        await Expect(MessagePane.Of(page).ReceiptRequest).ToBeHiddenAsync();
    }
}
