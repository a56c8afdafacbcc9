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

    public MessageReaderTests()
    {
        Services.AddSingleton<IMailboxService>(_mailbox);
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
}
