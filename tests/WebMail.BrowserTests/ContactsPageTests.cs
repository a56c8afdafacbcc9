using System.Text;
using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using WebMail.Testing.Fixtures;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests;

/// <summary>
/// The address book in Chromium (issue 20): a GBK CSV as Chinese webmails export it and a vCard imported through the
/// file chooser; a person found by pinyin initials and a group as one pick in To; the group's members all receive
/// the message; the book outlives sign-out and is nobody else's.
/// </summary>
public sealed class ContactsPageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;

    [Fact]
    public async Task ImportGbkCsvAndVCard_PinyinInitialsFindAPerson_AGroupGoesToEveryMember_BookKeptAndPrivate()
    {
        var owner = DemoMailServer.NewTestAccount("contacts");
        var (zhang, ouyang, li) = (DemoMailServer.NewTestAccount("zhangwei"), DemoMailServer.NewTestAccount("ouyang"), DemoMailServer.NewTestAccount("li"));
        var page = await browser.NewPageAsync(locale: "zh-CN");
        await BrowserFixture.SignInAsync(page, owner);
        var contacts = ContactsPage.Of(page);
        await contacts.OpenAsync();
        await Expect(contacts.None).ToBeVisibleAsync();

        await contacts.ImportAsync(new FilePayload { Name = "通讯录.csv", MimeType = "text/csv", Buffer = ContactFiles.GbkCsv(zhang, ouyang, li) });
        await Expect(contacts.Status).ToContainTextAsync("新增 4 个");
        await contacts.ImportAsync(new FilePayload { Name = "contacts.vcf", MimeType = "text/vcard", Buffer = Encoding.UTF8.GetBytes(ContactFiles.VCards(DemoMailServer.Domain)) });
        await Expect(contacts.Status).ToContainTextAsync("新增");
        await Expect(contacts.Item("软件工程2班")).ToContainTextAsync("2 人");
        await Expect(contacts.Item("欧阳, 娜娜")).ToBeVisibleAsync();
        await Expect(contacts.Item("陈静")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "contacts-zh.png") });
        await contacts.Search.PressSequentiallyAsync("lls"); // initials find 李老师 here too
        await Expect(contacts.Names).ToHaveTextAsync(["李老师"]);

        var compose = ComposePage.Of(page);
        await compose.OpenFromNavigationAsync();
        await compose.To.PressSequentiallyAsync("lls"); // 李老师 by its initials
        await Expect(compose.ToSuggestions.First).ToContainTextAsync("李老师");
        await compose.To.PressAsync("Enter");
        await compose.To.PressSequentiallyAsync("rjgc");
        await Expect(compose.ToSuggestions.First).ToContainTextAsync("软件工程2班");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "recipient-suggestions-zh.png") });
        await compose.To.PressAsync("Tab");
        await Expect(compose.ToChips).ToHaveCountAsync(3);
        await compose.Subject.FillAsync("班会通知");
        await compose.Body.FillAsync("周五下午三点班会。");
        await compose.SendAsync();

        foreach (var member in new[] { zhang, ouyang, li })
        {
            var delivered = await new MailTestClients(output).FirstInInboxAsync(member, _timeout);
            Assert.Equal("班会通知", delivered.Subject);
            Assert.Equal([li, zhang, ouyang], delivered.To.Mailboxes.Select(m => m.Address));
        }

        await AppShell.Of(page).SignOut.ClickAsync();
        await BrowserFixture.SignInAsync(page, owner);
        await contacts.OpenAsync();
        await Expect(contacts.Item("李老师")).ToBeVisibleAsync(); // kept beyond the session

        var other = await browser.NewPageAsync(locale: "zh-CN");
        await BrowserFixture.SignInAsync(other, DemoMailServer.NewTestAccount("stranger"));
        await ContactsPage.Of(other).OpenAsync();
        await Expect(ContactsPage.Of(other).None).ToBeVisibleAsync(); // nobody else's
    }
}
