using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.ComponentTests;

/// <summary>The list's URLs: what they leave out is the default, and turning conversations off is said.</summary>
public sealed class MailboxLinkTests
{
    private static readonly MessageQuery SentPageThree = new("Sent", 2, 50, MessageSort.Date, true, null, false, false);

    [Fact]
    public void WithConversations_On_FirstPageWithThreads()
    {
        Assert.Equal("./?folder=Sent&threads=1", MailboxLink.WithConversations(SentPageThree, on: true));
    }

    [Fact]
    public void WithConversations_Off_SaysSoOverTheSetting()
    {
        Assert.Equal("./?folder=Sent&threads=0", MailboxLink.WithConversations(SentPageThree with { Threads = true }, on: false));
        Assert.Equal("./?threads=0", MailboxLink.WithConversations(SentPageThree with { Folder = MailFolder.InboxPath }, on: false));
    }

    [Fact]
    public void For_DefaultsLeftOut()
    {
        Assert.Equal("./?folder=Sent&page=3", MailboxLink.For(SentPageThree));
        Assert.Equal("./", MailboxLink.For(SentPageThree with { Folder = MailFolder.InboxPath, PageIndex = 0 }));
    }
}
