using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.ComponentTests;

/// <summary>The reader beside the list takes what the list knows; on a page of its own it asks (issue 16).</summary>
public sealed class MessageReaderTests : ComponentTest
{
    private readonly RecordingMailbox _mailbox = new();
    private readonly FakeUserSettings _settings = new();

    public MessageReaderTests()
    {
        Services.AddSingleton<IMailboxService>(_mailbox);
        Services.AddSingleton<IUserSettingsService>(_settings);
        Services.AddScoped<Notifications>();
        GoLive();
    }

    [Fact]
    public void Open_BesideTheList_AsksTheServiceForTheMessageOnly()
    {
        var list = new ListContext(MailboxFeatures.Imap, RecordingMailbox.TwoFolders, RecordingMailbox.ThreeMessages);

        var reader = Render<MessageReader>(parameters => parameters
            .Add(r => r.Id, "m2").Add(r => r.InPane, true).Add(r => r.FromList, list));

        reader.WaitForAssertion(() => Assert.Contains("正文", reader.Markup, StringComparison.Ordinal));
        Assert.Equal(["OpenAsync"], _mailbox.Calls);
    }

    [Fact]
    public void RemoteContent_BlockedUntilAsked_AlwaysShowRemembersTheSender_AndTheirNextMessageShowsIt()
    {
        _mailbox.RemoteContent = true;
        var list = new ListContext(MailboxFeatures.Imap, RecordingMailbox.TwoFolders, RecordingMailbox.ThreeMessages);
        var sender = RecordingMailbox.ThreeMessages.Single(m => m.Id == "m2").FromAddress;

        var reader = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m2").Add(r => r.InPane, true).Add(r => r.FromList, list));
        reader.WaitForAssertion(() => Assert.DoesNotContain("remote=true", reader.Find("iframe.message-frame").GetAttribute("src"), StringComparison.Ordinal));
        reader.Find("#trust-sender").Click();

        reader.WaitForAssertion(() => Assert.Contains("remote=true", reader.Find("iframe.message-frame").GetAttribute("src"), StringComparison.Ordinal));
        Assert.Equal([sender], _settings.Kept.RemoteContentFrom);

        var next = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m2").Add(r => r.InPane, true).Add(r => r.FromList, list));
        next.WaitForAssertion(() => Assert.Contains("remote=true", next.Find("iframe.message-frame").GetAttribute("src"), StringComparison.Ordinal));
        Assert.Empty(next.FindAll("#show-remote"));
    }

    [Fact]
    public void HtmlBody_Small_ComesWithTheRenderUnderTheBodysPolicy_WithRemoteContentFromItsUrl()
    {
        _mailbox.SafeHtml = "<p>第三周的<b>周报</b></p>";
        _mailbox.RemoteContent = true;

        var reader = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m2"));

        reader.WaitForAssertion(() => Assert.NotEmpty(reader.FindAll("iframe.message-frame")));
        var frame = reader.Find("iframe.message-frame");
        Assert.Null(frame.GetAttribute("src"));
        Assert.Equal("m2", frame.GetAttribute("data-message-id"));
        Assert.Equal("allow-popups allow-popups-to-escape-sandbox", frame.GetAttribute("sandbox"));
        var document = frame.GetAttribute("srcdoc")!;
        var policy = document.IndexOf("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:;", StringComparison.Ordinal);
        Assert.InRange(policy, 0, document.IndexOf("<p>第三周的<b>周报</b></p>", StringComparison.Ordinal));

        // Remote pictures need the body's URL: its policy allows them, the page's (which a srcdoc keeps) does not.
        reader.Find("#show-remote").Click();

        reader.WaitForAssertion(() => Assert.Equal("mail/messages/m2/body?remote=true", reader.Find("iframe.message-frame").GetAttribute("src")));
        Assert.Null(reader.Find("iframe.message-frame").GetAttribute("srcdoc"));
    }

    [Fact]
    public void HtmlBody_FormattedTextOnly_ShownInThePage_NoFrame()
    {
        _mailbox.SafeHtml = "<p class=\"x\">第三周的<b>周报</b></p>";
        _mailbox.InPageHtml = "<p>第三周的<b>周报</b></p>";

        var reader = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m2"));

        reader.WaitForAssertion(() => Assert.NotEmpty(reader.FindAll(".message-html")));
        var body = reader.Find(".message-html");
        Assert.Equal("m2", body.GetAttribute("data-message-id"));
        Assert.Equal("<p>第三周的<b>周报</b></p>", body.InnerHtml);
        Assert.Empty(reader.FindAll("iframe"));
        Assert.Empty(reader.FindAll("#show-remote"));
    }

    [Fact]
    public void Undated_NoDateRow_WhereADatedMessageHasOne()
    {
        _mailbox.Messages = [RecordingMailbox.ThreeMessages[0] with { Date = DateTimeOffset.MinValue }];

        var dated = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m2"));
        var undated = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m3"));

        dated.WaitForAssertion(() => Assert.Contains("正文", dated.Markup, StringComparison.Ordinal));
        undated.WaitForAssertion(() => Assert.Contains("正文", undated.Markup, StringComparison.Ordinal));
        Assert.Single(dated.FindAll("dl time"));
        Assert.Empty(undated.FindAll("dl time"));
        Assert.Equal(dated.FindAll("dl dt").Count - 1, undated.FindAll("dl dt").Count);
        Assert.DoesNotContain("0001", undated.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Undated_BesideTheList_ShowsTheDateItsLineShows()
    {
        _mailbox.Messages = [RecordingMailbox.ThreeMessages[0] with { Date = DateTimeOffset.MinValue }];
        var list = new ListContext(MailboxFeatures.Imap, RecordingMailbox.TwoFolders, RecordingMailbox.ThreeMessages);

        var reader = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m3").Add(r => r.InPane, true).Add(r => r.FromList, list));

        reader.WaitForAssertion(() => Assert.Contains("正文", reader.Markup, StringComparison.Ordinal));
        Assert.Equal(RecordingMailbox.ThreeMessages[0].Date.ToString("O"), reader.Find("dl time").GetAttribute("datetime"));
    }

    [Fact]
    public void HtmlBody_Large_ComesFromItsUrl_NotOverTheLiveConnection()
    {
        _mailbox.SafeHtml = "<p>" + new string('长', BodyFrame.MaxInlineChars) + "</p>";

        var reader = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m2"));

        reader.WaitForAssertion(() => Assert.Equal("mail/messages/m2/body", reader.Find("iframe.message-frame").GetAttribute("src")));
        Assert.Null(reader.Find("iframe.message-frame").GetAttribute("srcdoc"));
    }

    [Fact]
    public void RemoteContent_SettingsUnavailable_StaysBlocked()
    {
        _mailbox.RemoteContent = true;
        _settings.Unavailable = true;

        var reader = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m2"));

        reader.WaitForAssertion(() => Assert.NotEmpty(reader.FindAll("#show-remote")));
        Assert.DoesNotContain("remote=true", reader.Find("iframe.message-frame").GetAttribute("src"), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_BesideTheList_PreviousAndNextAreThisTabsNeighbours()
    {
        var list = new ListContext(MailboxFeatures.Imap, RecordingMailbox.TwoFolders, RecordingMailbox.ThreeMessages);

        var reader = Render<MessageReader>(parameters => parameters
            .Add(r => r.Id, "m2").Add(r => r.InPane, true).Add(r => r.FromList, list).Add(r => r.LinkTo, m => "open/" + m.Id));

        reader.WaitForAssertion(() => Assert.NotEmpty(reader.FindAll("a[href='open/m3']")));
        Assert.NotEmpty(reader.FindAll("a[href='open/m1']"));
    }

    [Fact]
    public void Open_OnAPageOfItsOwn_AsksForFeaturesFoldersAndNeighbours()
    {
        var reader = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m2"));

        reader.WaitForAssertion(() => Assert.Contains("正文", reader.Markup, StringComparison.Ordinal));
        Assert.Equal(["OpenAsync", "GetNeighboursAsync", "GetFeaturesAsync", "ListFoldersAsync"], _mailbox.Calls);
    }

    [Fact]
    public void Prerendering_ShowsTheMessage_WithNothingToPressUntilLive()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var list = new ListContext(MailboxFeatures.Imap, RecordingMailbox.TwoFolders, RecordingMailbox.ThreeMessages);

        var reader = Render<MessageReader>(parameters => parameters
            .Add(r => r.Id, "m2").Add(r => r.InPane, true).Add(r => r.FromList, list));

        reader.WaitForAssertion(() => Assert.Contains("正文", reader.Markup, StringComparison.Ordinal));
        Assert.True(reader.Find("#delete-message").HasAttribute("disabled"));
        Assert.True(reader.Find("#move-message").HasAttribute("disabled"));
        Assert.True(reader.Find("#toggle-source").HasAttribute("disabled"));
        Assert.Empty(reader.FindAll("a#reply[disabled]")); // links work without the live page
    }

    [Fact]
    public void Prerendering_MailServerTooSlow_LeavesTheMessageToTheLivePage()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        _mailbox.OpenDelay = Timeout.InfiniteTimeSpan;

        var reader = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m2"));

        reader.WaitForAssertion(() => Assert.True(_mailbox.OpenPending));
        reader.WaitForAssertion(() => Assert.False(_mailbox.OpenPending), Prerendering.Wait + TimeSpan.FromSeconds(3));
        reader.WaitForAssertion(() => Assert.NotEmpty(reader.FindAll("[role=status] .spinner-border")));
        Assert.Empty(reader.FindAll(".alert-danger")); // no problem shown: the live page opens it
        Assert.DoesNotContain("正文", reader.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_InTheDraftsFolder_OffersToContinueWritingIt()
    {
        IReadOnlyList<MailFolder> folders = [.. RecordingMailbox.TwoFolders, new("Drafts", "Drafts", 0, SpecialFolderKind.Drafts, 0, 1, true)];
        var list = new ListContext(MailboxFeatures.Imap, folders, RecordingMailbox.ThreeMessages);

        var reader = Render<MessageReader>(parameters => parameters
            .Add(r => r.Id, "m2").Add(r => r.Folder, "Drafts").Add(r => r.InPane, true).Add(r => r.FromList, list));

        reader.WaitForAssertion(() => Assert.Equal("compose?draft=m2", reader.Find("#edit-draft").GetAttribute("href")));
    }

    [Fact]
    public void Open_InTheInbox_NoContinueWriting()
    {
        var list = new ListContext(MailboxFeatures.Imap, RecordingMailbox.TwoFolders, RecordingMailbox.ThreeMessages);

        var reader = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m2").Add(r => r.InPane, true).Add(r => r.FromList, list));

        reader.WaitForAssertion(() => Assert.NotEmpty(reader.FindAll("#reply")));
        Assert.Empty(reader.FindAll("#edit-draft"));
    }
}
