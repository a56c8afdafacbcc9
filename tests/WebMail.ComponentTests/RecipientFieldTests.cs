using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.ComponentTests;

/// <summary>To, Cc and Bcc as chips with suggestions (issue 20): keyboard first, lists pasted, groups as one pick.</summary>
public sealed class RecipientFieldTests : ComponentTest
{
    private readonly FakeComposeService _book = new();
    private string _value = "";

    public RecipientFieldTests()
    {
        Services.AddSingleton<IAddressBookService>(_book);
        GoLive();
    }

    [Fact]
    public void ValueFromOutside_EachAddressAChipWithItsName()
    {
        var field = Render("\"Zhang, Wei\" <zw@school.test>, bob@school.test");

        Assert.Equal(["Zhang, Wei", "bob@school.test"], Chips(field));
        Assert.Equal("\"Zhang, Wei\" <zw@school.test>", field.Find(".recipient-chip").GetAttribute("data-address"));
    }

    [Fact]
    public void SeparatorsTyped_FinishedAddressesBecomeChips_TheRestStaysTyped()
    {
        var field = Render("");

        field.Find("#to").Input("a@school.test，b@school.test；c@school.test、d@sch");

        Assert.Equal(["a@school.test", "b@school.test", "c@school.test"], Chips(field));
        Assert.Equal("a@school.test, b@school.test, c@school.test", _value);
        var take = Assert.Single(JSInterop.Invocations, i => i.Identifier == "webmailRecipientTake");
        Assert.Equal("a@school.test，b@school.test；c@school.test、", take.Arguments[1]); // what stays in the box: d@sch
    }

    [Fact]
    public void BoxSentAgainBeforeTheTakeReachedIt_NotDoubled()
    {
        var gate = JSInterop.SetupVoid("webmailRecipientTake", _ => true);
        var field = Render("");

        field.Find("#to").Input("a@school.test,");
        field.Find("#to").Input("a@school.test, b"); // sent by the browser before it took "a@school.test,"
        gate.SetVoidResult();
        field.Find("#to").Change(" b");

        field.WaitForAssertion(() => Assert.Equal(["a@school.test", "b"], Chips(field)));
    }

    [Fact]
    public void LeavingTheField_WhatWasTypedBecomesAChip_AnInvalidOneMarked()
    {
        var field = Render("");
        field.Find("#to").Input("not an address");
        field.Find("#to").Change("not an address");
        field.Render(p => p.Add(f => f.Value, _value).Add(f => f.Invalid, ["not an address"]));

        var chip = field.Find(".recipient-chip");
        Assert.Equal("true", chip.GetAttribute("data-invalid"));
        Assert.Contains("text-bg-danger", chip.ClassName);
        Assert.Contains("is-invalid", field.Find("#to-field").ClassName);
    }

    [Fact]
    public void Backspace_InAnEmptyBox_RemovesTheLastChip_NotWhileTyping()
    {
        var field = Render("a@school.test, b@school.test");

        field.Find("#to").Input("x");
        field.Find("#to").KeyDown("Backspace");
        Assert.Equal(2, Chips(field).Count);
        field.Find("#to").Input("");
        field.Find("#to").KeyDown("Backspace");

        Assert.Equal(["a@school.test"], Chips(field));
        Assert.Equal("a@school.test", _value);
    }

    [Fact]
    public void Suggestions_ArrowsMove_EnterPicks_TheBoxEmptied()
    {
        _book.Suggestions.Add(new RecipientSuggestion("张伟", ["张伟 <zhang.wei@school.test>"], SuggestionSource.Contact, "zhang.wei@school.test"));
        _book.Suggestions.Add(new RecipientSuggestion("张华", ["张华 <zhang.hua@school.test>"], SuggestionSource.Directory, "物理系"));
        var field = Render("");

        field.Find("#to").Input("zh");
        Assert.Equal("true", field.Find("#to").GetAttribute("aria-expanded"));
        Assert.Equal("to-suggestion-0", field.Find("#to").GetAttribute("aria-activedescendant"));
        field.Find("#to").KeyDown("ArrowDown");
        Assert.Equal("true", field.Find("#to-suggestion-1").GetAttribute("aria-selected"));
        field.Find("#to").KeyDown("Enter");

        Assert.Equal("张华 <zhang.hua@school.test>", _value);
        Assert.Equal("false", field.Find("#to").GetAttribute("aria-expanded"));
        Assert.Equal(["zh"], _book.Asked);
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "webmailRecipientTake" && (string?)i.Arguments[1] == "zh");
    }

    [Fact]
    public void Group_Picked_EveryMemberAChip_NoneTwice()
    {
        _book.Suggestions.Add(new RecipientSuggestion("软件工程2班", ["张伟 <zw@school.test>", "li@school.test"], SuggestionSource.Group, "2"));
        var field = Render("li@school.test");

        field.Find("#to").Input("rj");
        Assert.Contains("2", field.Find("#to-suggestion-0").TextContent);
        field.Find("#to-suggestion-0").Click();

        Assert.Equal("li@school.test, 张伟 <zw@school.test>", _value);
    }

    [Fact]
    public void Escape_ClosesTheSuggestions()
    {
        _book.Suggestions.Add(new RecipientSuggestion("张伟", ["zw@school.test"], SuggestionSource.Contact, "zw@school.test"));
        var field = Render("");

        field.Find("#to").Input("z");
        field.Find("#to").KeyDown("Escape");

        Assert.Empty(field.FindAll("#to-suggestions li"));
        Assert.Equal("", _value);
    }

    [Fact]
    public void TypedWhileTheDirectoryWasBeingRead_LookedUpAgainOnceItIs()
    {
        var directoryRead = new TaskCompletionSource();
        _book.SourcesReady = directoryRead.Task;
        var field = Render("");

        field.Find("#to").Input("wal");
        Assert.Empty(field.FindAll("#to-suggestions [role=option]"));

        _book.Suggestions.Add(new RecipientSuggestion("王爱丽", ["王爱丽 <alice@school.test>"], SuggestionSource.Directory, "物理学院"));
        directoryRead.SetResult();

        field.WaitForAssertion(() => Assert.Contains("王爱丽", field.Find("#to-suggestions [role=option]").TextContent));
        Assert.Equal(["wal", "wal"], _book.Asked);
    }

    [Fact]
    public void ListClosedWhileTheDirectoryWasBeingRead_NotOpenedAgain()
    {
        var directoryRead = new TaskCompletionSource();
        _book.SourcesReady = directoryRead.Task;
        var field = Render("");
        field.Find("#to").Input("wal");
        field.Find("#to").KeyDown("Escape");

        _book.Suggestions.Add(new RecipientSuggestion("王爱丽", ["王爱丽 <alice@school.test>"], SuggestionSource.Directory, "物理学院"));
        directoryRead.SetResult();

        Assert.Equal(["wal"], _book.Asked);
        Assert.Empty(field.FindAll("#to-suggestions [role=option]"));
    }

    private IRenderedComponent<RecipientField> Render(string value)
    {
        _value = value;
        return Render<RecipientField>(p => p
            .Add(f => f.Id, "to")
            .Add(f => f.Value, value)
            .Add(f => f.ValueChanged, v => _value = v));
    }

    private static List<string> Chips(IRenderedComponent<RecipientField> field) =>
        [.. field.FindAll(".recipient-chip-name").Select(c => c.TextContent)];
}
