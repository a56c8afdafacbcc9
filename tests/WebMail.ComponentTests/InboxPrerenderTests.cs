using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Pages;
using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.ComponentTests;

/// <summary>
/// Prerendering puts the first list into the page's HTML, so its rows are on screen before the live connection is up
/// (issue 18); a mail server too slow for that leaves the list to the live page.
/// </summary>
public sealed class InboxPrerenderTests : InboxPageTest
{
    public InboxPrerenderTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
    }

    [Fact]
    public void Prerendering_ListsTheRowsAndFolders()
    {
        var inbox = Render<Inbox>();

        inbox.WaitForAssertion(() => Assert.Equal(3, inbox.FindAll("#message-list .message-row").Count));
        Assert.NotEmpty(inbox.FindAll("#folder-pane"));
        Assert.True(inbox.Find("#refresh").HasAttribute("disabled")); // nothing to click until the page is live
    }

    [Fact]
    public void Prerendering_FoldersSlowerThanTheRows_TheRowsGoOutAndTheFolderColumnKeepsItsPlace()
    {
        Mailbox.FoldersDelay = Timeout.InfiniteTimeSpan;

        var inbox = Render<Inbox>();

        inbox.WaitForAssertion(() => Assert.Equal(3, inbox.FindAll("#message-list .message-row").Count));
        Assert.Empty(inbox.FindAll("#folder-pane"));
        Assert.Equal("true", inbox.Find(".mail-folders").GetAttribute("aria-busy"));
    }

    [Fact]
    public void Live_WaitsForTheFolders()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Mailbox.FoldersDelay = TimeSpan.FromMilliseconds(200);

        var inbox = Render<Inbox>();

        inbox.WaitForAssertion(() => Assert.NotEmpty(inbox.FindAll("#folder-pane")), TimeSpan.FromSeconds(5));
        Assert.Equal(3, inbox.FindAll("#message-list .message-row").Count);
        Assert.False(inbox.Find(".mail-folders").HasAttribute("aria-busy"));
    }

    [Fact]
    public void Prerendering_FiftyRows_AllInThePage()
    {
        Mailbox.Messages = FiftyMessages();

        var inbox = Render<Inbox>();

        inbox.WaitForAssertion(() => Assert.Equal(50, inbox.FindAll("#message-list .message-row").Count));
        Assert.Empty(inbox.FindAll(".body-frame-warmup")); // it waits for the live page
    }

    [Fact]
    public void UndatedMessage_ItsRowShowsNoDate_TheOthersTheirs()
    {
        Mailbox.Messages = [RecordingMailbox.ThreeMessages[0] with { Date = DateTimeOffset.MinValue }, .. RecordingMailbox.ThreeMessages.Skip(1)];

        var inbox = Render<Inbox>();

        inbox.WaitForAssertion(() => Assert.Equal(3, inbox.FindAll("#message-list .message-row").Count));
        var dates = inbox.FindAll("#message-list .message-row .message-date").Select(d => d.QuerySelector("time")).ToList();
        Assert.Null(dates[0]);
        Assert.All(dates.Skip(1), Assert.NotNull);
        Assert.DoesNotContain("0001", inbox.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_TheBodyFrameWarmup_ComesOnceEveryRowIsDrawn_HiddenAndSandboxedLikeABody()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Mailbox.Messages = FiftyMessages();
        Mailbox.ListDelay = TimeSpan.FromMilliseconds(100);
        var rowsWithTheWarmup = new List<int>();

        var inbox = Render<Inbox>();
        inbox.OnMarkupUpdated += (_, _) =>
        {
            if (inbox.FindAll(".body-frame-warmup").Count > 0)
            {
                rowsWithTheWarmup.Add(inbox.FindAll("#message-list .message-row").Count);
            }
        };

        inbox.WaitForAssertion(() => Assert.NotEmpty(inbox.FindAll(".body-frame-warmup")), TimeSpan.FromSeconds(5));
        Assert.All(rowsWithTheWarmup, rows => Assert.Equal(50, rows));
        var frame = inbox.Find(".body-frame-warmup");
        Assert.True(frame.HasAttribute("hidden"));
        Assert.Equal("-1", frame.GetAttribute("tabindex"));
        Assert.Equal("allow-popups allow-popups-to-escape-sandbox", frame.GetAttribute("sandbox"));
        Assert.Equal("mail/body-frame-warmup", frame.GetAttribute("src"));
    }

    [Fact]
    public void Live_FiftyRows_AScreenfulPerRender_TheirPlaceKept()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Mailbox.Messages = FiftyMessages();
        Mailbox.ListDelay = TimeSpan.FromMilliseconds(100); // the list arrives after the page's first render
        var rowsDrawn = new List<(int Rows, string? PlaceKept)>();

        var inbox = Render<Inbox>();
        inbox.OnMarkupUpdated += (_, _) => rowsDrawn.Add((
            inbox.FindAll("#message-list .message-row").Count,
            inbox.FindAll("#message-list .rows-to-come").SingleOrDefault()?.GetAttribute("style")));

        inbox.WaitForAssertion(() => Assert.Equal(50, inbox.FindAll("#message-list .message-row").Count), TimeSpan.FromSeconds(5));
        Assert.Equal(
            [(10, "--rows: 40"), (20, "--rows: 30"), (30, "--rows: 20"), (40, "--rows: 10"), (50, null)],
            rowsDrawn.Where(r => r.Rows > 0).Distinct());
        Assert.Equal("m50", inbox.FindAll("#message-list .message-row")[0].GetAttribute("data-message-id"));
        Assert.Equal("m1", inbox.FindAll("#message-list .message-row")[49].GetAttribute("data-message-id"));
    }

    private static List<MessageSummary> FiftyMessages() =>
    [
        .. Enumerable.Range(1, 50).Reverse().Select(i => new MessageSummary(
            $"m{i}", $"Sender {i}", $"s{i}@school.test", $"Subject {i}", DateTimeOffset.Parse("2026-11-01T08:00:00Z").AddHours(i), 1000, IsRead: true, HasAttachments: false)),
    ];

    [Fact]
    public void Prerendering_MailServerTooSlow_GivesUpWithoutAProblem()
    {
        Mailbox.ListDelay = Timeout.InfiniteTimeSpan;

        var inbox = Render<Inbox>();

        inbox.WaitForAssertion(() => Assert.Contains(nameof(IMailboxService.ListAsync), Mailbox.Calls), TimeSpan.FromSeconds(5));
        inbox.WaitForAssertion(() => Assert.False(Mailbox.ListPending), TimeSpan.FromSeconds(5));
        Assert.Empty(inbox.FindAll("#message-list .message-row"));
        Assert.Empty(inbox.FindAll("#mail-problem"));
    }
}
