using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Pages;
using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.ComponentTests;

/// <summary>
/// Where the away message and filters reach the rest of the app (issue 21): the list's notice while away, "Block
/// sender" in the reader, and Settings' way to the pages (or the school's own page).
/// </summary>
public sealed class ServerFiltersElsewhereTests : InboxPageTest
{
    public ServerFiltersElsewhereTests() => GoLive();

    [Fact]
    public void Inbox_AwayMessageOn_SaysUntilWhen_TurnOffKeepsTheTextAndTurnsItOff()
    {
        MailFilters.Filters = new MailFilters { Away = new AwayMessage { Enabled = true, End = new DateOnly(2026, 12, 20), Text = "我在开会" } };
        var inbox = Render<Inbox>();
        inbox.WaitForElement("#away-on-notice");
        Assert.Contains("until", inbox.Find("#away-on-notice").TextContent, StringComparison.Ordinal);
        Assert.Contains("2026", inbox.Find("#away-on-notice").TextContent, StringComparison.Ordinal);

        inbox.Find("#away-turn-off").Click();

        inbox.WaitForAssertion(() => Assert.Empty(inbox.FindAll("#away-on-notice")));
        var saved = Assert.Single(MailFilters.Saves).Away;
        Assert.False(saved.Enabled);
        Assert.Equal("我在开会", saved.Text);
        Assert.Contains(Services.GetRequiredService<Notifications>().Toasts, t => t.Text == "The away message is off.");
    }

    [Fact]
    public void Inbox_AwayMessageOff_NoNotice()
    {
        var inbox = Render<Inbox>();
        inbox.WaitForAssertion(() => Assert.NotEmpty(inbox.FindAll("#message-list a")));

        Assert.Empty(inbox.FindAll("#away-on-notice"));
    }

    [Fact]
    public void Reader_BlockSender_AskedFirst_ThenBlocked_AndSaysHowToUndo()
    {
        var list = new ListContext(MailboxFeatures.Imap with { ServerFilters = true }, RecordingMailbox.TwoFolders, RecordingMailbox.ThreeMessages);
        var reader = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m2").Add(r => r.InPane, true).Add(r => r.FromList, list));
        reader.WaitForElement("#block-sender");
        var sender = reader.Find("#message-from span").TextContent.Trim('<', '>');

        reader.Find("#block-sender").Click();
        Assert.Contains(sender, reader.Find("#confirm-block-sender").TextContent, StringComparison.Ordinal);
        Assert.Empty(MailFilters.Saves);
        reader.Find("#confirm-block-sender-yes").Click();

        reader.WaitForAssertion(() => Assert.Empty(reader.FindAll("#confirm-block-sender")));
        Assert.Equal([sender], Assert.Single(MailFilters.Saves).BlockedSenders);
        Assert.Contains(Services.GetRequiredService<Notifications>().Toasts, t => t.Text.Contains(sender, StringComparison.Ordinal) && t.Text.Contains("Filters", StringComparison.Ordinal));
    }

    [Fact]
    public void Reader_ServerWithoutFilters_NoBlockSender()
    {
        var list = new ListContext(MailboxFeatures.Imap, RecordingMailbox.TwoFolders, RecordingMailbox.ThreeMessages);
        var reader = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m2").Add(r => r.InPane, true).Add(r => r.FromList, list));
        reader.WaitForElement("#message-from");

        Assert.Empty(reader.FindAll("#block-sender"));
    }

    [Fact]
    public void Settings_LinksToThePages_OrToTheSchoolsOwnPage_OrNothing()
    {
        var here = Render<Settings>();
        here.WaitForElement("#settings-filters");
        Assert.Equal("away", here.Find("#settings-away").GetAttribute("href"));

        MailFilters.Place = new FiltersPlace(Here: false, ElsewhereUrl: "https://mail.school.test/filters");
        var elsewhere = Render<Settings>();
        elsewhere.WaitForElement("#filters-elsewhere");
        Assert.Equal("https://mail.school.test/filters", elsewhere.Find("#filters-elsewhere").GetAttribute("href"));
        Assert.Empty(elsewhere.FindAll("#settings-filters"));

        MailFilters.Place = new FiltersPlace(Here: false, ElsewhereUrl: null);
        var none = Render<Settings>();
        none.WaitForElement("#settings-form");
        Assert.Empty(none.FindAll("#on-server-heading"));
    }
}
