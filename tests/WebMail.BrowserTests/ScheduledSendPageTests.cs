using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;

namespace WebMail.BrowserTests;

/// <summary>Send later in Chromium (issue 19): pick a time in the user's time zone, see it waiting, change it, delete it.</summary>
public sealed class ScheduledSendPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SendLater_InShanghaiTime_ListedAtThatTime_ChangedThenDeleted_AndNothingGoesOut()
    {
        var (writer, reader) = (DemoMailServer.NewTestAccount("scheduler"), DemoMailServer.NewTestAccount("schedulereader"));
        var page = await browser.NewPageAsync(timeZone: "Asia/Shanghai");
        await BrowserFixture.SignInAsync(page, writer);
        await new ComposePage(page).OpenFromNavigationAsync();
        await ComposePage.Of(page).To.FillAsync(reader);
        await ComposePage.Of(page).Subject.FillAsync("下周一的通知");
        await ComposePage.Of(page).Body.FillAsync("周一早上八点在 301 开会。");

        await ComposePage.Of(page).SendLater.ClickAsync();
        await ComposePage.Of(page).SendAt.FillAsync("2031-05-05T08:00");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "compose-send-later.png") });
        await ComposePage.Of(page).Schedule.ClickAsync();
        await Assertions.Expect(ComposePage.Of(page).Scheduled).ToContainTextAsync("2031");

        await new ScheduledPage(page).OpenFromNavigationAsync();
        await Assertions.Expect(ScheduledPage.Of(page).Items).ToHaveCountAsync(1);
        await Assertions.Expect(ScheduledPage.Of(page).Items.First).ToContainTextAsync("下周一的通知");
        await Assertions.Expect(ScheduledPage.Of(page).Items.First).ToContainTextAsync(reader);
        await Assertions.Expect(ScheduledPage.Of(page).Items.First).ToContainTextAsync("8:00"); // Shanghai's 08:00, as picked
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "scheduled-list.png") });

        await ScheduledPage.Of(page).Change(0).ClickAsync();
        await new ComposePage(page).WaitUntilReadyAsync();
        await Assertions.Expect(ComposePage.Of(page).Subject).ToHaveValueAsync("下周一的通知");
        await Assertions.Expect(ComposePage.Of(page).Body).ToHaveValueAsync("周一早上八点在 301 开会。");
        await ComposePage.Of(page).SendLater.ClickAsync();
        await ComposePage.Of(page).SendAt.FillAsync("2031-05-06T09:30");
        await ComposePage.Of(page).Schedule.ClickAsync();
        await Assertions.Expect(ComposePage.Of(page).Scheduled).ToBeVisibleAsync();

        await new ScheduledPage(page).OpenFromNavigationAsync();
        await Assertions.Expect(ScheduledPage.Of(page).Items).ToHaveCountAsync(1); // changed, not doubled
        await Assertions.Expect(ScheduledPage.Of(page).Items.First).ToContainTextAsync("9:30");
        await ScheduledPage.Of(page).Delete(0).ClickAsync();
        await ScheduledPage.Of(page).ConfirmDelete(0).ClickAsync();
        await Assertions.Expect(ScheduledPage.Of(page).None).ToBeVisibleAsync();
    }
}
