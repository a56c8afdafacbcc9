using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Pages;
using WebMail.Client.Services;

namespace WebMail.ComponentTests;

/// <summary>The settings page (issue 19): edit, save, the From preview, forget me, and a store that is down.</summary>
public sealed class SettingsTests : ComponentTest
{
    private readonly FakeUserSettings _settings = new();

    public SettingsTests()
    {
        Services.AddSingleton<IUserSettingsService>(_settings);
        AddAuthorization().SetAuthorized("2023001@school.test");
        GoLive();
    }

    [Fact]
    public void DisplayName_Typed_PreviewsTheFromLine()
    {
        var page = Render<Settings>();

        page.Find("#display-name").Input("张伟");

        Assert.Contains("张伟 <2023001@school.test>", page.Find("#display-name-help").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_NameAndANewSignature_KeptWithThatSignatureAsDefault()
    {
        var page = Render<Settings>();
        page.Find("#display-name").Input("张伟");
        page.Find("#add-signature").Click();
        page.Find("#signature-name-0").Change("学生");
        page.Find("#signature-text-0").Change("张伟\n计算机学院");

        page.Find("#settings-form").Submit();

        page.WaitForElement("#settings-saved");
        Assert.Equal("张伟", _settings.Kept.DisplayName);
        var signature = Assert.Single(_settings.Kept.Signatures);
        Assert.Equal(("学生", "张伟\n计算机学院"), (signature.Name, signature.Text));
        Assert.Equal(signature.Id, _settings.Kept.DefaultSignatureId);
    }

    [Fact]
    public void Loaded_ShowsWhatWasKept()
    {
        _settings.Kept = new UserSettings
        {
            DisplayName = "李娜",
            Signatures = [new Signature("a", "one", "第一"), new Signature("b", "two", "第二")],
            DefaultSignatureId = "b",
            SignatureOnReplies = false,
        };

        var page = Render<Settings>();

        Assert.Equal("李娜", page.Find("#display-name").GetAttribute("value"));
        Assert.Equal(2, page.FindAll(".signature-editor").Count);
        Assert.True(page.Find("#signature-default-1").HasAttribute("checked"));
        Assert.False(page.Find("#signature-on-replies").HasAttribute("checked"));
    }

    [Fact]
    public void ForgetMe_Confirmed_DeletesAndShowsTheDefaults()
    {
        _settings.Kept = new UserSettings { DisplayName = "李娜" };
        var page = Render<Settings>();

        page.Find("#forget-me").Click();
        Assert.Equal("李娜", _settings.Kept.DisplayName); // nothing deleted before the user confirms
        page.Find("#confirm-forget-yes").Click();

        page.WaitForElement("#settings-forgotten");
        Assert.Equal("", _settings.Kept.DisplayName);
        Assert.Equal("", page.Find("#display-name").GetAttribute("value") ?? "");
    }

    [Fact]
    public void StoreDown_SaysSoInsteadOfAnEmptyForm()
    {
        _settings.Unavailable = true;

        var page = Render<Settings>();

        Assert.Contains("settings store", page.Find("#mail-problem").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#settings-form"));
    }

    [Fact]
    public void Save_StoreGoneDown_KeepsWhatWasTypedAndSaysSo()
    {
        var page = Render<Settings>();
        page.Find("#display-name").Input("张伟");
        _settings.Unavailable = true;

        page.Find("#settings-form").Submit();

        page.WaitForElement("#mail-problem");
        Assert.Equal("张伟", page.Find("#display-name").GetAttribute("value"));
    }

    [Fact]
    public void Save_KeepsTemplatesSavedFromCompose_AndRemovesTheOnesRemovedHere()
    {
        _settings.Kept = new UserSettings
        {
            Templates = [new MessageTemplate("t1", "周会通知", "", "周会", "x"), new MessageTemplate("t2", "请假", "", "请假", "y")],
        };
        var page = Render<Settings>();

        page.FindAll(".template-remove")[1].Click();
        page.Find("#display-name").Input("张伟");
        page.Find("#settings-form").Submit();

        page.WaitForElement("#settings-saved");
        Assert.Equal(["周会通知"], _settings.Kept.Templates.Select(t => t.Name));
        Assert.Equal("张伟", _settings.Kept.DisplayName);
    }
}
