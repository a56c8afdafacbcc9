using System.Globalization;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Pages;
using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.ComponentTests;

/// <summary>The list page: opening a message beside it is one service call, and the list shows it read (issue 16).</summary>
public sealed class InboxTests : InboxPageTest
{
    public InboxTests() => GoLive();

    [Fact]
    public void OpenInThePane_ListLoaded_OnlyTheMessageIsFetched()
    {
        var inbox = Render<Inbox>();
        inbox.WaitForAssertion(() => Assert.Equal(3, inbox.FindAll("#message-list a").Count(a => a.GetAttribute("href")?.Contains("open=") == true)));
        Mailbox.Calls.Clear();

        Services.GetRequiredService<NavigationManager>().NavigateTo("/?open=m3");

        inbox.WaitForAssertion(() => Assert.Contains("正文", inbox.Markup, StringComparison.Ordinal));
        Assert.Equal(["OpenAsync"], Mailbox.Calls);
    }

    [Fact]
    public void OpenInThePane_UnreadMessage_ItsLineAndTheFolderCountShowItRead()
    {
        var inbox = Render<Inbox>();
        inbox.WaitForAssertion(() => Assert.Single(inbox.FindAll("#message-list .unread")));
        Assert.NotEmpty(inbox.FindAll(".badge[title='1 unread'], .badge[title='1 封未读']"));

        Services.GetRequiredService<NavigationManager>().NavigateTo("/?open=m3");

        inbox.WaitForAssertion(() => Assert.Contains("正文", inbox.Markup, StringComparison.Ordinal));
        Assert.Empty(inbox.FindAll("#message-list .unread"));
        Assert.Empty(inbox.FindAll(".badge.rounded-pill"));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void List_ServerCouldNotSearchOrSort_ThePageSaysSo(bool bodyNotSearched, bool sortedNewestOnly)
    {
        Mailbox.Limits = (bodyNotSearched, sortedNewestOnly);

        var inbox = Render<Inbox>();

        inbox.WaitForAssertion(() => Assert.Equal(3, inbox.FindAll("#message-list .message-row").Count));
        Assert.Equal(bodyNotSearched, inbox.FindAll("#body-not-searched").Count == 1);
        Assert.Equal(sortedNewestOnly, inbox.FindAll("#sorted-newest-only").Count == 1);
        if (sortedNewestOnly)
        {
            Assert.Contains("newest 3 messages", inbox.Find("#sorted-newest-only").TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ConversationView_ServerCouldNotGroup_ThePageSaysTheNewestWereGroupedHere()
    {
        Mailbox.Limits = (false, true);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?threads=1");

        var inbox = Render<Inbox>();

        inbox.WaitForAssertion(() => Assert.Single(inbox.FindAll("#sorted-newest-only")));
        Assert.Contains("newest 3 messages were grouped", inbox.Find("#sorted-newest-only").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadingPreferences_PageSizeAndConversations_AskedOfTheServer_AndTheLinkCanStillTurnThemOff()
    {
        Settings.Kept = UserSettings.Defaults with { PageSize = 25, ConversationView = true };

        var inbox = Render<Inbox>();

        inbox.WaitForAssertion(() => Assert.Equal((25, true), (Mailbox.LastQuery?.PageSize, Mailbox.LastQuery?.Threads)));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?threads=0");
        inbox.WaitForAssertion(() => Assert.False(Mailbox.LastQuery?.Threads));
    }

    [Fact]
    public void ReadingPreferences_SettingsUnavailable_TheListStillComesWithTheDefaults()
    {
        Settings.Unavailable = true;

        var inbox = Render<Inbox>();

        inbox.WaitForAssertion(() => Assert.Equal((50, false), (Mailbox.LastQuery?.PageSize, Mailbox.LastQuery?.Threads)));
    }

    [Fact]
    public void ConversationSwitch_TurnedOn_RememberedAsTheUsersChoice()
    {
        var inbox = Render<Inbox>();
        inbox.WaitForAssertion(() => Assert.NotEmpty(inbox.FindAll("#threads")));

        inbox.Find("#threads").Change(true);

        inbox.WaitForAssertion(() => Assert.True(Settings.Kept.ConversationView));
        Assert.EndsWith("threads=1", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }
}
