using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.ComponentTests;

/// <summary>Read receipts in the reader (issue 22): asked, sent only on consent, asked once.</summary>
public sealed class ReadReceiptTests : ComponentTest
{
    private readonly RecordingMailbox _mailbox = new() { ReceiptTo = "wang@school.test" };

    public ReadReceiptTests()
    {
        Services.AddSingleton<IMailboxService>(_mailbox);
        Services.AddSingleton<IUserSettingsService>(new FakeUserSettings());
        Services.AddScoped<Notifications>();
        GoLive();
    }

    [Fact]
    public void Asked_NothingSentUntilTheUserAgrees_ThenSentOnce_AndTheQuestionGoes()
    {
        var reader = Open(RecordingMailbox.ThreeMessages);
        reader.WaitForElement("#receipt-request");
        Assert.Contains("wang@school.test", reader.Find("#receipt-request").TextContent, StringComparison.Ordinal);
        Assert.Empty(Receipts.Sent);

        reader.Find("#send-receipt").Click();

        reader.WaitForAssertion(() => Assert.Empty(reader.FindAll("#receipt-request")));
        Assert.Equal(["m2"], Receipts.Sent);
        Assert.Contains(Services.GetRequiredService<Notifications>().Toasts, t => t.Text == "Read receipt sent.");
    }

    [Fact]
    public void Declined_NothingSent_TheQuestionGoes()
    {
        var reader = Open(RecordingMailbox.ThreeMessages);
        reader.WaitForElement("#decline-receipt");

        reader.Find("#decline-receipt").Click();

        reader.WaitForAssertion(() => Assert.Empty(reader.FindAll("#receipt-request")));
        Assert.Equal(["m2"], Receipts.Declined);
        Assert.Empty(Receipts.Sent);
    }

    [Fact]
    public void SendingFails_TheProblemIsSaid_TheQuestionStaysToTryAgain()
    {
        Receipts.Failure = MailProblem.Unreachable;
        var reader = Open(RecordingMailbox.ThreeMessages);
        reader.WaitForElement("#send-receipt");

        reader.Find("#send-receipt").Click();

        reader.WaitForElement("#receipt-problem");
        Assert.NotNull(reader.Find("#send-receipt"));
        Assert.NotNull(reader.Find("#message-subject")); // the message stays on screen
    }

    [Fact]
    public void HandledAlready_ByAnotherProgramOrTab_NotAsked()
    {
        var listed = RecordingMailbox.ThreeMessages.Select(m => m.Id == "m2" ? m with { ReceiptHandled = true } : m).ToList();
        var reader = Open(listed);
        reader.WaitForElement("#message-subject");

        Assert.Empty(reader.FindAll("#receipt-request"));
    }

    private Bunit.IRenderedComponent<MessageReader> Open(IReadOnlyList<MessageSummary> listed) =>
        Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m2").Add(r => r.InPane, true)
            .Add(r => r.FromList, new ListContext(MailboxFeatures.Imap, RecordingMailbox.TwoFolders, listed)));
}
