using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.ComponentTests;

/// <summary>Spam and not spam from the reader (issue 22): one action, offered where there is a Junk folder, with an undo.</summary>
public sealed class ReportJunkTests : ComponentTest
{
    private static readonly IReadOnlyList<MailFolder> WithJunk =
        [.. RecordingMailbox.TwoFolders, new MailFolder("Junk", "Junk", 0, SpecialFolderKind.Junk, 0, 0, true)];

    private readonly RecordingMailbox _mailbox = new();

    public ReportJunkTests()
    {
        Services.AddSingleton<IMailboxService>(_mailbox);
        Services.AddSingleton<IUserSettingsService>(new FakeUserSettings());
        Services.AddScoped<Notifications>();
        GoLive();
    }

    [Fact]
    public void InTheInbox_Spam_ReportedAndMovedWithAnUndo()
    {
        var reader = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m2").Add(r => r.InPane, true)
            .Add(r => r.FromList, new ListContext(MailboxFeatures.Imap, WithJunk, RecordingMailbox.ThreeMessages)));
        reader.WaitForElement("#report-junk");
        Assert.Empty(reader.FindAll("#not-junk"));

        reader.Find("#report-junk").Click();

        reader.WaitForAssertion(() => Assert.Equal([(["m2"], true)], _mailbox.JunkReports.Select(r => (r.Ids.ToArray(), r.Junk))));
        var toast = Assert.Single(Services.GetRequiredService<Notifications>().Toasts);
        Assert.Equal("1 message(s) marked as spam and moved to Junk.", toast.Text);
        Assert.NotNull(toast.Undo);
    }

    [Fact]
    public void InJunk_NotSpam()
    {
        var reader = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m2").Add(r => r.Folder, "Junk").Add(r => r.InPane, true)
            .Add(r => r.FromList, new ListContext(MailboxFeatures.Imap, WithJunk, RecordingMailbox.ThreeMessages)));
        reader.WaitForElement("#not-junk");

        reader.Find("#not-junk").Click();

        reader.WaitForAssertion(() => Assert.Equal([(["m2"], false)], _mailbox.JunkReports.Select(r => (r.Ids.ToArray(), r.Junk))));
    }

    [Fact]
    public void NoJunkFolder_OrPop3_NotOffered()
    {
        var imap = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m2").Add(r => r.InPane, true)
            .Add(r => r.FromList, new ListContext(MailboxFeatures.Imap, RecordingMailbox.TwoFolders, RecordingMailbox.ThreeMessages)));
        var pop3 = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m2").Add(r => r.InPane, true)
            .Add(r => r.FromList, new ListContext(MailboxFeatures.Pop3, null, RecordingMailbox.ThreeMessages)));
        imap.WaitForElement("#message-from");
        pop3.WaitForElement("#message-from");

        Assert.Empty(imap.FindAll("#report-junk"));
        Assert.Empty(pop3.FindAll("#report-junk"));
    }
}
