using System.Globalization;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Pages;
using WebMail.Client.Services;

namespace WebMail.ComponentTests;

/// <summary>
/// The compose page's first live render: what the user typed into the prerendered form (read from the boxes through
/// webmailFieldValues) against what the server fills in afterwards, a saved draft or a prepared reply (issue 23).
/// </summary>
public sealed class ComposeTests : ComponentTest
{
    private readonly FakeComposeService _sender = new();
    private readonly FakeUserSettings _settings = new();
    private readonly FakeScheduledMail _scheduled = new();

    public ComposeTests()
    {
        Services.AddSingleton<IScheduledMailService>(_scheduled);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IUserSettingsService>(_settings);
        Services.AddSingleton<IComposeService>(_sender);
        Services.AddSingleton<IDraftService>(_sender);
        Services.AddSingleton<IAddressBookService>(_sender);
        GoLive();
    }

    private static readonly UserSettings Signed = new()
    {
        Signatures = [new Signature("s1", "学生", "张伟\n计算机学院")],
        DefaultSignatureId = "s1",
    };

    [Fact]
    public void FirstLiveRender_NewMailWithADefaultSignature_PutsItUnderTheSeparatorAndSavesNoDraft()
    {
        _settings.Kept = Signed;
        Typed("", "", "", "", "");

        var page = Render<Compose>();

        page.WaitForAssertion(() => Assert.Equal("\n\n-- \n张伟\n计算机学院", page.Find("#body").GetAttribute("value")));
        Assert.Null(_sender.Draft); // a signature alone is not worth a draft
    }

    [Fact]
    public void FirstLiveRender_ReplyBelowTheQuote_QuoteFirstThenTheLineToWriteOnThenTheSignature()
    {
        _settings.Kept = Signed with { ReplyBelowQuote = true };
        Services.GetRequiredService<NavigationManager>().NavigateTo("compose?reply=INBOX.1.7");
        _sender.Prepared = Message("alice@school.test", "Re: 周会", "\n\nOn Monday, alice wrote:\n> 周会改到周三\n");
        Typed("", "", "", "", "");

        var page = Render<Compose>();

        var expected = "On Monday, alice wrote:\n> 周会改到周三\n\n";
        page.WaitForAssertion(() => Assert.Equal(expected + "\n\n-- \n张伟\n计算机学院", page.Find("#body").GetAttribute("value")));
        var focus = Assert.Single(JSInterop.Invocations, i => i.Identifier == "webmailFocusAt");
        Assert.Equal(expected.Length, focus.Arguments[1]);
    }

    [Fact]
    public void FirstLiveRender_ReplyWithSignatureOnReplies_PutsItAboveTheQuote()
    {
        _settings.Kept = Signed;
        Services.GetRequiredService<NavigationManager>().NavigateTo("compose?reply=INBOX.1.7");
        _sender.Prepared = Message("alice@school.test", "Re: 周会", "\n\nOn Monday, alice wrote:\n> 周会改到周三\n");
        Typed("", "", "", "", "");

        var page = Render<Compose>();

        page.WaitForAssertion(() => Assert.StartsWith("\n\n-- \n张伟\n计算机学院\n\nOn Monday", page.Find("#body").GetAttribute("value"), StringComparison.Ordinal));
    }

    [Fact]
    public void FirstLiveRender_ReplyWithoutSignatureOnReplies_OnlyTheQuote()
    {
        _settings.Kept = Signed with { SignatureOnReplies = false };
        Services.GetRequiredService<NavigationManager>().NavigateTo("compose?reply=INBOX.1.7");
        _sender.Prepared = Message("alice@school.test", "Re: 周会", "\n\nOn Monday, alice wrote:\n> 周会改到周三\n");
        Typed("", "", "", "", "");

        var page = Render<Compose>();

        page.WaitForAssertion(() => Assert.StartsWith("\n\nOn Monday", page.Find("#body").GetAttribute("value"), StringComparison.Ordinal));
    }

    [Fact]
    public void FirstLiveRender_SettingsStoreDown_NewMailCanStillBeWritten()
    {
        _settings.Unavailable = true;
        Typed("", "", "", "", "");

        var page = Render<Compose>();

        page.WaitForAssertion(() => Assert.Empty(page.Find("#body").GetAttribute("value") ?? ""));
        Assert.Empty(page.FindAll("#mail-problem"));
    }

    [Fact]
    public void FirstLiveRender_NothingTypedAndADraftSaved_RestoresTheDraft()
    {
        _sender.Draft = Message("bob@school.test", "Saved", "Saved text");
        Typed("", "", "", "", "");

        var page = Render<Compose>();

        page.WaitForElement("#draft-restored");
        Assert.Equal("bob@school.test", page.Find("#to-field").GetAttribute("data-value"));
        Assert.Equal("Saved", page.Find("#subject").GetAttribute("value"));
        Assert.Empty(page.FindAll("#draft-offered"));
    }

    [Fact]
    public void FirstLiveRender_TypedAndADraftSaved_KeepsWhatWasTypedAndOffersTheDraft()
    {
        _sender.Draft = Message("bob@school.test", "Saved", "Saved text");
        Typed("carol@school.test", "", "", "Typed", "打字的内容");

        var page = Render<Compose>();

        page.WaitForElement("#draft-offered");
        Assert.Contains("Saved", page.Find("#draft-offered").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#draft-restored"));
        Assert.Equal("carol@school.test", page.Find("#to-field").GetAttribute("data-value"));
        Assert.Equal("Typed", page.Find("#subject").GetAttribute("value"));
        Assert.Equal("打字的内容", page.Find("#body").GetAttribute("value"));
    }

    [Fact]
    public void OtherVersion_SwitchedTo_ShowsTheDraftAndOffersWhatWasTyped()
    {
        _sender.Draft = Message("bob@school.test", "Saved", "Saved text");
        Typed("carol@school.test", "", "", "Typed", "Typed text");
        var page = Render<Compose>();
        page.WaitForElement("#draft-offered");

        page.Find("#open-other-version").Click();

        Assert.Equal("bob@school.test", page.Find("#to-field").GetAttribute("data-value"));
        Assert.Equal("Saved text", page.Find("#body").GetAttribute("value"));
        Assert.Contains("Typed", page.Find("#draft-offered").TextContent, StringComparison.Ordinal);

        page.Find("#discard-other-version").Click();
        Assert.Empty(page.FindAll("#draft-offered"));
        Assert.Equal("Saved", page.Find("#subject").GetAttribute("value"));
    }

    [Fact]
    public void FirstLiveRender_ReplyWithTextTyped_KeepsTheTextAboveTheQuoteAndTheTypedSubject()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("compose?reply=INBOX.1.7");
        _sender.Prepared = Message("alice@school.test", "Re: 周会", "\n\nOn Monday, alice wrote:\n> 周会改到周三\n");
        Typed("", "", "", "", "好的，我会参加。");

        var page = Render<Compose>();

        page.WaitForAssertion(() => Assert.Equal("alice@school.test", page.Find("#to-field").GetAttribute("data-value")));
        Assert.Equal("Re: 周会", page.Find("#subject").GetAttribute("value"));
        Assert.Equal("好的，我会参加。\n\nOn Monday, alice wrote:\n> 周会改到周三\n", page.Find("#body").GetAttribute("value"));
    }

    [Fact]
    public void Send_BeforeTheServerSideLoadFinished_IsNotPossible()
    {
        // No answer from the boxes yet: the page has not decided between typed text and the saved draft.
        JSInterop.Setup<string?[]>("webmailFieldValues", _ => true);

        var page = Render<Compose>();

        Assert.True(page.Find("#send").HasAttribute("disabled"));
    }

    [Fact]
    public void AddFiles_MoreThanOnePickMayAdd_SaysSoAndAddsNothing()
    {
        Typed("", "", "", "", "");
        var page = Render<Compose>();
        page.WaitForElement("#compose-form[data-ready=true]");

        var files = Enumerable.Range(1, 51).Select(i => InputFileContent.CreateFromText("x", $"file{i}.txt")).ToArray();
        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(files);

        Assert.Contains("51", page.Find("#attachment-problem").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#attachment-list li"));
    }

    [Fact]
    public void FirstLiveRender_DraftFromTheDraftsFolder_FillsTheFormWithItAndNoSignature()
    {
        _settings.Kept = Signed;
        _sender.DraftsFolder["d1"] = Message("王老师 <wang@school.test>", "周报（草稿）", "写了一半");
        Services.GetRequiredService<NavigationManager>().NavigateTo("compose?draft=d1");
        Typed("", "", "", "", "");

        var page = Render<Compose>();

        page.WaitForAssertion(() => Assert.Equal("周报（草稿）", page.Find("#subject").GetAttribute("value")));
        Assert.Equal("王老师 <wang@school.test>", page.Find("#to-field").GetAttribute("data-value"));
        Assert.Equal("写了一半", page.Find("#body").GetAttribute("value"));
    }

    [Fact]
    public void FirstLiveRender_DraftGoneFromTheFolder_SaysSoAndTheFormStaysUsable()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("compose?draft=gone");
        Typed("", "", "", "", "");

        var page = Render<Compose>();

        page.WaitForAssertion(() => Assert.Equal("MessageNotFound", page.Find("#send-problem").GetAttribute("data-problem")));
        Assert.False(page.Find("#subject").HasAttribute("disabled"));
    }

    [Fact]
    public void SendLater_TomorrowAtEightInShanghai_ScheduledForThatMomentAndTheDraftDiscarded()
    {
        _settings.Kept = Signed;
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        _sender.Draft = Message("bob@school.test", "通知", "明早八点开会。");
        Typed("", "", "", "", "");
        var page = Render<Compose>(parameters => parameters.AddCascadingValue(shanghai));
        page.WaitForElement("#draft-restored");

        page.Find("#send-later").Click();
        var picked = page.Find("#send-at").GetAttribute("value")!;
        page.Find("#schedule-send").Click();

        page.WaitForElement("#schedule-confirmation");
        var (message, sendAt) = Assert.Single(_sender.Scheduled);
        Assert.Equal("通知", message.Subject);
        var tomorrow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, shanghai).Date.AddDays(1);
        Assert.Equal(tomorrow.AddHours(8).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), picked);
        Assert.Equal(new DateTimeOffset(tomorrow.AddHours(8), TimeSpan.FromHours(8)), sendAt);
        Assert.Null(_sender.Draft);

        page.Find("#schedule-confirmation button").Click(); // write another: a new message, with the signature again
        Assert.Equal("", page.Find("#subject").GetAttribute("value") ?? "");
        Assert.Equal("\n\n-- \n张伟\n计算机学院", page.Find("#body").GetAttribute("value"));
    }

    [Fact]
    public void SendLater_PickedTime_IsTheOneScheduled()
    {
        Typed("bob@school.test", "", "", "s", "b");
        var page = Render<Compose>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#compose-form").GetAttribute("data-ready")));

        page.Find("#send-later").Click();
        page.Find("#send-at").Change("2031-05-04T07:30:00"); // as Blazor's script hands it over, seconds added
        page.Find("#schedule-send").Click();

        page.WaitForElement("#schedule-confirmation");
        Assert.Equal(new DateTimeOffset(2031, 5, 4, 7, 30, 0, TimeSpan.Zero), Assert.Single(_sender.Scheduled).SendAt);
    }

    [Fact]
    public void FirstLiveRender_ScheduledMessageTakenBack_FillsTheFormAndSavesItAsADraft()
    {
        _scheduled.Messages.Add(new ScheduledMessage("s1", DateTimeOffset.UtcNow.AddDays(1), "Bob", "通知", null, false));
        _scheduled.Contents["s1"] = Message("bob@school.test", "通知", "明早八点开会。");
        Services.GetRequiredService<NavigationManager>().NavigateTo("compose?scheduled=s1");
        Typed("", "", "", "", "");

        var page = Render<Compose>();

        page.WaitForAssertion(() => Assert.Equal("通知", page.Find("#subject").GetAttribute("value")));
        Assert.Empty(_scheduled.Messages); // no longer scheduled
        // Kept as a draft (the autosave a second later, which renders nothing): nothing lost.
        Assert.True(SpinWait.SpinUntil(() => _sender.Draft?.Subject == "通知", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void FirstLiveRender_FailedScheduledMessageKeptInDrafts_SavesReplaceThatCopy()
    {
        _scheduled.Messages.Add(new ScheduledMessage("s1", DateTimeOffset.UtcNow.AddDays(-1), "Bob", "通知", MailProblem.RecipientRefused, false, KeptInDrafts: true));
        _scheduled.Contents["s1"] = Message("bob@school.test", "通知", "明早八点开会。");
        _scheduled.DraftIds["s1"] = "Drafts.1.9";
        _sender.DraftsFolder["Drafts.1.9"] = Message("bob@school.test", "通知", "明早八点开会。");
        Services.GetRequiredService<NavigationManager>().NavigateTo("compose?scheduled=s1");
        Typed("", "", "", "", "");

        var page = Render<Compose>();

        page.WaitForAssertion(() => Assert.Equal("通知", page.Find("#subject").GetAttribute("value")));
        page.Find("#body").Input("明早九点开会。");
        Assert.True(SpinWait.SpinUntil(() => _sender.Draft?.Body == "明早九点开会。", TimeSpan.FromSeconds(5)));
        Assert.Equal("Drafts.1.9", _sender.LastSavedAs?.Key); // that copy, not a second draft beside it
    }

    [Fact]
    public void SaveAsTemplate_Named_KeptInTheSettingsBesideTheOthers()
    {
        _settings.Kept = new UserSettings { Templates = [new MessageTemplate("t0", "旧模板", "", "", "x")] };
        Typed("class@school.test", "", "", "周会", "各位同学：周一开会。");
        var page = Render<Compose>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#compose-form").GetAttribute("data-ready")));

        page.Find("#save-template").Click();
        page.Find("#template-name").Input("周会通知");
        page.Find("#save-template-confirm").Click();

        page.WaitForElement("#template-saved");
        Assert.Equal(["旧模板", "周会通知"], _settings.Kept.Templates.Select(t => t.Name));
        var saved = _settings.Kept.Templates[1];
        Assert.Equal(("class@school.test", "周会", "各位同学：周一开会。"), (saved.To, saved.Subject, saved.Body));
    }

    [Fact]
    public void StartFromTemplate_NewMailWithASignature_FillsTheFormAndKeepsTheSignatureUnder()
    {
        _settings.Kept = Signed with { Templates = [new MessageTemplate("t1", "周会通知", "class@school.test", "周会", "各位同学：周一开会。")] };
        Typed("", "", "", "", "");
        var page = Render<Compose>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#compose-form").GetAttribute("data-ready")));

        page.Find("#use-template").Change("t1");

        Assert.Equal("class@school.test", page.Find("#to-field").GetAttribute("data-value"));
        Assert.Equal("周会", page.Find("#subject").GetAttribute("value"));
        Assert.Equal("各位同学：周一开会。\n\n-- \n张伟\n计算机学院", page.Find("#body").GetAttribute("value"));
    }

    [Fact]
    public void StartFromTemplate_AfterTyping_KeepsWhatWasTyped()
    {
        _settings.Kept = new UserSettings { Templates = [new MessageTemplate("t1", "周会通知", "class@school.test", "周会", "模板正文")] };
        Typed("bob@school.test", "", "", "我的主题", "我写的");
        var page = Render<Compose>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#compose-form").GetAttribute("data-ready")));

        page.Find("#use-template").Change("t1");

        Assert.Equal("bob@school.test", page.Find("#to-field").GetAttribute("data-value"));
        Assert.Equal("我的主题", page.Find("#subject").GetAttribute("value"));
        Assert.Equal("模板正文\n\n我写的", page.Find("#body").GetAttribute("value"));
    }

    [Fact]
    public void From_NoAliases_NoChoiceShown()
    {
        Typed("", "", "", "", "");

        var page = Render<Compose>();

        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#compose-form").GetAttribute("data-ready")));
        Assert.Empty(page.FindAll("#from"));
    }

    [Fact]
    public void From_AliasChosen_GoesWithTheMessage()
    {
        _sender.Senders.Add("zhang.wei@school.test");
        Typed("bob@school.test", "", "", "s", "b");
        var page = Render<Compose>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#compose-form").GetAttribute("data-ready")));

        page.Find("#from").Change("zhang.wei@school.test");
        page.Find("#send-later").Click();
        page.Find("#schedule-send").Click();

        page.WaitForElement("#schedule-confirmation");
        Assert.Equal("zhang.wei@school.test", Assert.Single(_sender.Scheduled).Message.From);
    }

    private void Typed(string to, string cc, string bcc, string subject, string body) =>
        JSInterop.Setup<string?[]>("webmailFieldValues", _ => true).SetResult([to, cc, bcc, subject, body]);

    private static OutgoingMessage Message(string to, string subject, string body) => new(to, "", "", subject, body, []);
}
