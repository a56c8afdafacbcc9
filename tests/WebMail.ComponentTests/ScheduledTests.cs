using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Pages;
using WebMail.Client.Services;

namespace WebMail.ComponentTests;

/// <summary>The Scheduled page (issue 19): what waits, what failed and why, change and delete.</summary>
public sealed class ScheduledTests : ComponentTest
{
    private readonly FakeScheduledMail _scheduled = new();

    public ScheduledTests()
    {
        Services.AddSingleton<IScheduledMailService>(_scheduled);
        GoLive();
    }

    [Fact]
    public void Listed_WaitingFailedAndSending_EachSaysWhereItStands()
    {
        _scheduled.Messages.AddRange(
        [
            new("a", DateTimeOffset.UtcNow.AddDays(1), "王老师", "周会通知", null, false),
            new("b", DateTimeOffset.UtcNow.AddHours(-1), "nobody@school.test", "退回", MailProblem.RecipientRefused, false),
            new("c", DateTimeOffset.UtcNow, "Bob", "正在发", null, true),
        ]);

        var page = Render<Scheduled>();

        var items = page.FindAll("#scheduled-list li");
        Assert.Equal(3, items.Count);
        Assert.Contains("周会通知", items[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("compose?scheduled=a", items[0].QuerySelector(".scheduled-edit")!.GetAttribute("href"));
        Assert.Contains("Not sent", items[1].QuerySelector(".scheduled-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Null(items[2].QuerySelector(".scheduled-edit")); // being sent: nothing to change any more
    }

    [Fact]
    public void Delete_Confirmed_RemovesIt()
    {
        _scheduled.Messages.Add(new("a", DateTimeOffset.UtcNow.AddDays(1), "王老师", "周会通知", null, false));
        var page = Render<Scheduled>();

        page.Find(".scheduled-delete").Click();
        Assert.Single(_scheduled.Messages); // not before the user confirms
        page.Find(".scheduled-delete-yes").Click();

        page.WaitForElement("#no-scheduled");
        Assert.Empty(_scheduled.Messages);
    }
}
