using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Pages;
using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.ComponentTests;

/// <summary>The address book page (issue 20): list and filter, add and change, groups, import, collected addresses.</summary>
public sealed class ContactsPageTests : ComponentTest
{
    private readonly FakeUserSettings _settings = new();
    private readonly FakeComposeService _suggestions = new();

    public ContactsPageTests()
    {
        Services.AddSingleton<IUserSettingsService>(_settings);
        Services.AddSingleton<IAddressBookService>(_suggestions);
        Services.AddSingleton<Notifications>();
        ContactBook.Book.AddRange(
        [
            new Contact("1", "张伟", ["zhang.wei@school.test"], Phone: "138"),
            new Contact("2", "", ["collected@school.test"], Collected: true, TimesWritten: 3),
            new Contact("3", "软件工程2班", ["张伟 <zhang.wei@school.test>", "li@school.test"], IsGroup: true),
        ]);
        GoLive();
    }

    [Fact]
    public void Listed_GroupsFirst_CollectedMarked_WriteLinksToCompose()
    {
        var page = Render<Contacts>();

        Assert.Equal(["软件工程2班", "张伟", "collected@school.test"], page.FindAll(".contact-label").Select(n => n.TextContent));
        Assert.Contains("2 people", page.FindAll(".contact-name")[0].TextContent);
        Assert.Equal("compose?to=%E5%BC%A0%E4%BC%9F%20%3Czhang.wei%40school.test%3E", page.FindAll(".contact-write")[1].GetAttribute("href"));
        Assert.Contains("Forget the 1 remembered", page.Find("#clear-collected").TextContent);
    }

    [Fact]
    public void Filter_ByNameOrAddress()
    {
        ContactBook.Matches["collected@"] = ["2"];
        var page = Render<Contacts>();

        page.Find("#contacts-search").Input("collected@");

        Assert.Equal("collected@school.test", Assert.Single(page.FindAll(".contact-addresses")).TextContent);
        Assert.Equal("1 of 3", page.Find("#contacts-count").TextContent);
    }

    [Fact]
    public void Filter_ByPinyinInitials_AsTheServerMatches()
    {
        ContactBook.Matches["zw"] = ["1"];
        var page = Render<Contacts>();

        page.Find("#contacts-search").Input("zw");

        Assert.Equal(["张伟"], page.FindAll(".contact-label").Select(n => n.TextContent));
    }

    [Fact]
    public void NewContact_Saved_ListedAndSaid_WithoutAddress_Refused()
    {
        var page = Render<Contacts>();
        page.Find("#contact-new").Click();
        page.Find("#contact-name").Change("李娜");
        page.Find("#contact-save").Click();
        Assert.NotNull(page.Find("#contact-incomplete"));

        page.Find("#contact-addresses").Change("li.na@school.test\nln@home.test");
        page.Find("#contact-phone").Change("139");
        page.Find("#contact-save").Click();

        var saved = ContactBook.Book.Single(c => c.Name == "李娜");
        Assert.Equal(["li.na@school.test", "ln@home.test"], saved.Addresses);
        Assert.Equal("139", saved.Phone);
        Assert.Equal("李娜 saved.", page.Find("#contacts-status").TextContent);
        Assert.Empty(page.FindAll("#contact-editor"));
    }

    [Fact]
    public void Group_Edited_MembersAsChips_RemovingOneSaved()
    {
        var page = Render<Contacts>();
        page.FindAll(".contact-edit")[0].Click();

        Assert.Equal(2, page.FindAll("#group-members-field .recipient-chip").Count);
        page.FindAll("#group-members-field .recipient-chip-remove")[1].Click();
        page.Find("#contact-save").Click();

        Assert.Equal(["张伟 <zhang.wei@school.test>"], ContactBook.Book.Single(c => c.IsGroup).Addresses);
    }

    [Fact]
    public void Import_TheFileGoesToTheAddressBook_TheCountsSaid()
    {
        var page = Render<Contacts>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([1, 2, 3], "通讯录.csv"));

        page.WaitForAssertion(() => Assert.Equal("Imported: 2 added, 1 merged into contacts you had, 0 left out (no address, or the address book is full).",
            page.Find("#contacts-status").TextContent));
        var (name, content) = ContactBook.Imported.Single();
        Assert.Equal(("通讯录.csv", "1,2,3"), (name, string.Join(',', content)));
    }

    [Fact]
    public void CollectTurnedOff_Kept_ClearForgetsCollected()
    {
        var page = Render<Contacts>();

        page.Find("#collect-recipients").Change(false);
        page.Find("#clear-collected").Click();

        Assert.False(_settings.Kept.CollectRecipients);
        Assert.DoesNotContain(ContactBook.Book, c => c.Collected);
        Assert.Equal("1 remembered address(es) forgotten.", page.Find("#contacts-status").TextContent);
    }

    [Fact]
    public void Unavailable_SaidWithRetry_NothingPretended()
    {
        ContactBook.Failing = MailProblem.SettingsUnavailable;

        var page = Render<Contacts>();

        Assert.Empty(page.FindAll("#contact-list"));
        Assert.NotEmpty(page.FindAll("[role=alert]"));
        Assert.True(page.Find("#contact-new").HasAttribute("disabled"));
    }
}
