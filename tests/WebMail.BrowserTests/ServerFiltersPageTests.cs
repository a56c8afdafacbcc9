using MailKit;
using WebMail.BrowserTests.Pages;
using WebMail.Server.Mail.Sieve;
using WebMail.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests;

/// <summary>
/// The away message and filters (issue 21) from the pages to the real Pigeonhole and back: the reply really sent,
/// once; a rule really files; a sender blocked from the reader really discarded; another program's script kept.
/// </summary>
public sealed class ServerFiltersPageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150)).Token;
    private readonly MailTestClients _clients = new(output);

    [Fact]
    public async Task AwayMessage_InChinese_AnswersEachSenderOnce_SaysSoOnTheList_TurnedOffFromThere()
    {
        var (teacher, student) = (DemoMailServer.NewTestAccount("away-page"), DemoMailServer.NewTestAccount("away-page-student"));
        var page = await browser.NewPageAsync(locale: "zh-CN");
        await BrowserFixture.SignInAsync(page, teacher);
        var away = AwayPage.Of(page);

        await away.OpenFromSettingsAsync();
        await Expect(AppShell.Of(page).Heading).ToHaveTextAsync("自动回复");
        await away.On.CheckAsync();
        await away.Save.ClickAsync();
        await Expect(away.Invalid).ToHaveTextAsync("请填写对方会收到的回复内容。");
        await away.Subject.FillAsync("自动回复：在开会");
        await away.Text.FillAsync("我在北京开会，下周一回来。\n急事请找王老师。");
        await away.End.FillAsync(DateTime.Now.AddDays(7).ToString("yyyy-MM-dd"));
        await away.Days.FillAsync("1");
        await away.Save.ClickAsync();
        await Expect(away.Saved).ToHaveTextAsync("已保存。邮件服务器会在您不在时自动回复。");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "away-zh.png"), FullPage = true });

        await DemoPigeonhole.SendAsync(_clients, student, teacher, "作业问题", _timeout);
        await DemoPigeonhole.SendAsync(_clients, student, teacher, "作业问题（补充）", _timeout);
        await _clients.WaitForInboxAsync(teacher, 2, _timeout);
        await _clients.WaitForInboxAsync(student, 1, _timeout);
        await Task.Delay(1500, _timeout); // a second reply, were there one, would be delivered by now
        using (var imap = await _clients.ImapAsync(student, DemoMailServer.TestPassword, _timeout))
        {
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
            var reply = Assert.Single(await imap.Inbox.FetchAsync(0, -1, new FetchRequest(MessageSummaryItems.Envelope), _timeout));
            Assert.Equal("自动回复：在开会", reply.Envelope!.Subject);
            Assert.Contains("急事请找王老师。", (await imap.Inbox.GetMessageAsync(0, _timeout)).TextBody, StringComparison.Ordinal);
        }

        await AppShell.Of(page).Brand.ClickAsync();
        await Expect(away.Notice).ToContainTextAsync("自动回复已开启，至");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "inbox-away-zh.png") });
        await away.TurnOffFromNotice.ClickAsync();
        await Expect(away.Notice).ToBeHiddenAsync();
        await Expect(MailboxPage.Of(page).Toast("自动回复已关闭。")).ToBeVisibleAsync();

        await using var sieve = await DemoPigeonhole.SignedInAsync(teacher, _timeout);
        var kept = FiltersScript.Read(await sieve.GetScriptAsync(FiltersScript.Name, _timeout))!.Away;
        Assert.False(kept.Enabled);
        Assert.Equal("自动回复：在开会", kept.Subject); // off, not forgotten: turning it on again brings the text back
    }

    [Fact]
    public async Task Filters_RulesDraggedIntoOrder_FileMail_ASenderBlockedFromTheReader_IsDiscarded_RoundcubesScriptKept()
    {
        var (user, library, spammer) = (DemoMailServer.NewTestAccount("filters-page"), DemoMailServer.NewTestAccount("filters-page-library"),
            DemoMailServer.NewTestAccount("filters-page-spam"));
        const string roundcube = "require [\"fileinto\"];\r\n# rule:[ads]\r\nif header :contains \"subject\" \"广告\"\r\n{\r\n\tfileinto \"Junk\";\r\n}\r\n";
        await using (var sieve = await DemoPigeonhole.SignedInAsync(user, _timeout))
        {
            await sieve.PutScriptAsync("roundcube", roundcube, _timeout);
            await sieve.SetActiveAsync("roundcube", _timeout);
        }

        var page = await browser.SignedInPageAsync(user);
        var filters = FiltersSettingsPage.Of(page);
        await filters.OpenFromSettingsAsync();
        await filters.AddRuleAsync("Library", "Subject", "Library", "MoveTo:Archive", "Star");
        await filters.AddRuleAsync("Lectures", "From", "lectures@school.test", "MarkRead");
        await filters.Rules.Nth(1).DragToAsync(filters.Rules.Nth(0));
        await Expect(filters.RuleNames).ToHaveTextAsync(["Lectures", "Library"]);
        await filters.Save.ClickAsync();
        await Expect(filters.Saved).ToBeVisibleAsync();
        await Expect(filters.KeptRunning).ToContainTextAsync("roundcube");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "filters-en.png"), FullPage = true });
        await page.ReloadAsync();
        await filters.Live.WaitForAsync();
        await Expect(filters.RuleNames).ToHaveTextAsync(["Lectures", "Library"]);

        await DemoPigeonhole.SendAsync(_clients, library, user, "Library notice", _timeout);
        await DemoPigeonhole.SendAsync(_clients, spammer, user, "Cheap watches", _timeout);
        await DemoPigeonhole.SendAsync(_clients, spammer, user, "广告：手表", _timeout);
        await _clients.WaitForInboxAsync(user, 1, _timeout);
        await _clients.WaitForFolderAsync(user, "Archive", 1, _timeout);
        await _clients.WaitForFolderAsync(user, "Junk", 1, _timeout); // Roundcube's rule still runs

        await MailboxPage.Of(page).OpenInboxWhenMailArrivedAsync();
        await MailboxPage.Of(page).LiveMessageList.WaitForAsync();
        await MailboxPage.Of(page).MessageLinks.First.ClickAsync();
        await Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("Cheap watches");
        await MessagePane.Of(page).BlockSender.ClickAsync();
        await MessagePane.Of(page).ConfirmBlockSender.ClickAsync();
        await Expect(MailboxPage.Of(page).Toast(spammer)).ToBeVisibleAsync();

        await DemoPigeonhole.SendAsync(_clients, spammer, user, "Cheap watches again", _timeout);
        await DemoPigeonhole.SendAsync(_clients, library, user, "Library notice 2", _timeout);
        await _clients.WaitForFolderAsync(user, "Archive", 2, _timeout);
        await Task.Delay(1500, _timeout);
        using var imap = await _clients.ImapAsync(user, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
        Assert.Equal(["Cheap watches"], (await imap.Inbox.FetchAsync(0, -1, new FetchRequest(MessageSummaryItems.Envelope), _timeout)).Select(m => m.Envelope!.Subject));
        var archive = await imap.GetFolderAsync("Archive", _timeout);
        await archive.OpenAsync(FolderAccess.ReadOnly, _timeout);
        Assert.All(await archive.FetchAsync(0, -1, new FetchRequest(MessageSummaryItems.Flags), _timeout), m => Assert.True(m.Flags!.Value.HasFlag(MessageFlags.Flagged)));
        await using var sieve2 = await DemoPigeonhole.SignedInAsync(user, _timeout);
        Assert.Equal(roundcube, await sieve2.GetScriptAsync("roundcube", _timeout));
    }
}
