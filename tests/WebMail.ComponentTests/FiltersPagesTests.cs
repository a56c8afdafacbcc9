using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Pages;
using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.ComponentTests;

/// <summary>The away message and filters pages (issue 21): what is typed is checked, kept, refused with the server's words, never lost.</summary>
public sealed class FiltersPagesTests : ComponentTest
{
    private readonly RecordingMailbox _mailbox = new();

    public FiltersPagesTests()
    {
        Services.AddSingleton<IMailboxService>(_mailbox);
        Services.AddScoped<Notifications>();
        AddAuthorization().SetAuthorized("teacher@school.test");
        GoLive();
    }

    [Fact]
    public void Away_ShowsWhatTheServerHas_ChecksWhatIsTyped_ThenSavesIt()
    {
        MailFilters.Filters = new MailFilters { Away = new AwayMessage { Subject = "旧的", Text = "旧的回复", Days = 3 } };
        var page = Render<Away>();
        page.WaitForElement("#away-form");
        Assert.Equal("旧的回复", page.Find("#away-text").GetAttribute("value") ?? page.Find("#away-text").TextContent);
        Assert.Equal("3", page.Find("#away-days").GetAttribute("value"));

        page.Find("#away-on").Change(true);
        page.Find("#away-text").Input(" ");
        page.Find("#away-form").Submit();
        Assert.Equal("Write the message people will get.", page.Find("#away-invalid").TextContent);

        page.Find("#away-text").Input("我在开会，周一回来。");
        page.Find("#away-start").Change("2026-12-10");
        page.Find("#away-end").Change("2026-12-01");
        page.Find("#away-form").Submit();
        Assert.Equal("The end date is before the start date.", page.Find("#away-invalid").TextContent);
        Assert.Empty(MailFilters.Saves);

        page.Find("#away-end").Change("2026-12-20");
        page.Find("#away-addresses").Change("wang@school.test\n不是地址\nWANG@school.test");
        page.Find("#away-form").Submit();

        page.WaitForElement("#away-saved");
        var saved = Assert.Single(MailFilters.Saves).Away;
        Assert.True(saved.Enabled);
        Assert.Equal((new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 20)), (saved.Start, saved.End));
        Assert.Equal("我在开会，周一回来。", saved.Text);
        Assert.Equal(["wang@school.test"], saved.Addresses);
        Assert.Contains("now answers", page.Find("#away-saved").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Away_RefusedByTheServer_ItsWordsShown_TheTextStays()
    {
        MailFilters.RefuseWith = "line 7: error: unknown command 'vacation'";
        var page = Render<Away>();
        page.WaitForElement("#away-form");
        page.Find("#away-on").Change(true);
        page.Find("#away-text").Input("我在开会");

        page.Find("#away-form").Submit();

        page.WaitForElement("#filters-refused");
        Assert.Contains("The mail server did not accept these settings.", page.Find("#filters-refused").TextContent, StringComparison.Ordinal);
        Assert.Contains("unknown command 'vacation'", page.Find("#filters-server-says").TextContent, StringComparison.Ordinal);
        Assert.Equal("我在开会", page.Find("#away-text").GetAttribute("value") ?? page.Find("#away-text").TextContent);
    }

    [Fact]
    public void NoManageSieve_PagesSaySoOrLinkToTheSchoolsOwnPage_InChinese()
    {
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
        MailFilters.Place = new FiltersPlace(Here: false, ElsewhereUrl: "https://mail.school.test/settings/filters");
        var linked = Render<Filters>();
        linked.WaitForElement("#filters-elsewhere");
        Assert.Equal("https://mail.school.test/settings/filters", linked.Find("#filters-elsewhere").GetAttribute("href"));
        Assert.Equal("打开学校的设置页面", linked.Find("#filters-elsewhere").TextContent);
        Assert.Empty(linked.FindAll("#rules, #blocked-input"));

        MailFilters.Place = new FiltersPlace(Here: false, ElsewhereUrl: null);
        var none = Render<Away>();
        none.WaitForElement("#filters-not-offered");
        Assert.Contains("没有提供", none.Find("#filters-not-offered").TextContent, StringComparison.Ordinal);
        Assert.Empty(none.FindAll("#away-form"));
    }

    [Fact]
    public void Filters_SendersAdded_ARuleMade_Reordered_TurnedOff_ThenSavedInThatOrder()
    {
        MailFilters.Filters = new MailFilters
        {
            Rules = [new FilterRule("旧规则", true, true, [new FilterCondition(FilterField.From, FilterMatch.Is, "news@school.test")], [new FilterStep(FilterAction.MarkRead)])],
        };
        var page = Render<Filters>();
        page.WaitForElement("#rules");

        page.Find("#blocked-input").Input("spam");
        page.Find("#blocked-add").Click();
        Assert.NotNull(page.Find("#blocked-invalid"));
        page.Find("#blocked-input").Input("@Spam.example");
        page.Find("#blocked-add").Click();
        page.Find("#allowed-input").Input("dean@school.test");
        page.Find("#allowed-input").KeyDown("Enter");
        Assert.Equal(["@spam.example"], page.FindAll("#blocked-list li span").Select(s => s.TextContent));
        Assert.NotNull(page.Find("#filters-unsaved"));

        page.Find("#rule-add").Click();
        page.Find("#rule-name").Input("图书馆");
        Assert.Equal("all", page.Find("#rule-match").GetAttribute("value"));
        page.Find("#rule-match").Change("any");
        page.Find(".condition-field").Change("Subject");
        page.Find(".condition-value").Input("图书馆");
        page.Find(".action-kind").Change("MoveTo");
        page.Find(".action-argument").Change("Trash");
        page.Find("#action-add").Click();
        page.FindAll(".action-kind")[1].Change("Star");
        page.Find("#rule-done").Click();

        Assert.Equal(["旧规则", "图书馆"], page.FindAll("#rules .rule-name").Select(n => n.TextContent.Trim()));
        Assert.Contains("Subject contains 图书馆 → Move to folder Trash, Star", page.FindAll(".rule-summary")[1].TextContent, StringComparison.Ordinal);

        page.FindAll(".rule-up")[1].Click();
        Assert.Contains("Moved 图书馆 to place 1", page.Find("#rules-announcement").TextContent, StringComparison.Ordinal);
        page.FindAll(".rule-enabled")[1].Change(false);
        page.Find("#filters-save").Click();

        page.WaitForElement("#filters-saved");
        var saved = Assert.Single(MailFilters.Saves);
        Assert.Equal(["@spam.example"], saved.BlockedSenders);
        Assert.Equal(["dean@school.test"], saved.AllowedSenders);
        Assert.Equal(["图书馆", "旧规则"], saved.Rules.Select(r => r.Name));
        Assert.Equal([true, false], saved.Rules.Select(r => r.Enabled));
        Assert.Equal([false, true], saved.Rules.Select(r => r.MatchAll));
        Assert.Equal([new FilterStep(FilterAction.MoveTo, "Trash"), new FilterStep(FilterAction.Star)], saved.Rules[0].Actions);
        Assert.Equal(new FilterCondition(FilterField.Subject, FilterMatch.Contains, "图书馆"), Assert.Single(saved.Rules[0].Conditions));
    }

    [Fact]
    public void Filters_RuleEditor_RefusesAnEmptyConditionOrAForwardWithoutAnAddress_CancelKeepsTheRule()
    {
        MailFilters.Filters = new MailFilters { Rules = [new FilterRule("转发", true, true, [], [new FilterStep(FilterAction.ForwardKeepCopy, "home@example.com")])] };
        var page = Render<Filters>();
        page.WaitForElement("#rules");

        page.Find(".rule-edit").Click();
        page.Find("#condition-add").Click();
        page.Find("#rule-done").Click();
        Assert.Equal("Fill in every condition, or remove it.", page.Find("#rule-invalid").TextContent);
        page.Find(".condition-remove").Click();
        page.Find(".action-argument").Input("not an address");
        page.Find("#rule-done").Click();
        Assert.StartsWith("Give the rule an action", page.Find("#rule-invalid").TextContent, StringComparison.Ordinal);

        page.Find("#rule-cancel").Click();

        Assert.Contains("home@example.com", page.Find(".rule-summary").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#filters-unsaved"));
    }

    [Fact]
    public void Filters_DraggedOntoAnotherRule_TakesItsPlace()
    {
        MailFilters.Filters = new MailFilters { Rules = [.. new[] { "一", "二", "三" }.Select(n => new FilterRule(n, true, true, [], [new FilterStep(FilterAction.Star)]))] };
        var page = Render<Filters>();
        page.WaitForElement("#rules");

        page.FindAll(".filter-rule")[2].DragStart();
        page.FindAll(".filter-rule")[0].Drop();

        Assert.Equal(["三", "一", "二"], page.FindAll("#rules .rule-name").Select(n => n.TextContent.Trim()));
    }

    [Fact]
    public void Filters_AnotherProgramsScriptActive_SaysTheyAreNotRunning()
    {
        (MailFilters.Running, MailFilters.Filters) = (false, new MailFilters { BlockedSenders = ["@spam.example"] });
        MailFilters.OtherScripts.Add("roundcube");

        var page = Render<Filters>();

        page.WaitForElement("#filters-not-running");
        Assert.Contains("(roundcube)", page.Find("#filters-not-running").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_ServerUnreachable_ProblemWithRetry()
    {
        MailFilters.Failure = MailProblem.Unreachable;
        var page = Render<Filters>();
        page.WaitForElement("#mail-problem");

        MailFilters.Failure = null;
        page.Find("#mail-problem button").Click();

        page.WaitForElement("#blocked-input");
    }

    [Fact]
    public void Filters_ServerWithoutReject_DoesNotOfferIt()
    {
        MailFilters.Extensions.Remove("reject");
        var page = Render<Filters>();
        page.WaitForElement("#rule-add");

        page.Find("#rule-add").Click();

        Assert.DoesNotContain("Reject", page.FindAll(".action-kind option").Select(o => o.GetAttribute("value")));
        Assert.Contains("Discard", page.FindAll(".action-kind option").Select(o => o.GetAttribute("value")));
    }
}
