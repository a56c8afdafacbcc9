using MailKit;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using WebMail.Client.Services;
using WebMail.Server.Mail.Sessions;
using WebMail.Server.Mail.Smtp;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>
/// Read receipts (RFC 8098) through Postfix and Dovecot: none when a message is opened, one when the user agrees
/// (a multipart/report the asker's mail program understands), none after that or after declining ($MDNSent, RFC 3503).
/// </summary>
public sealed class ReadReceiptTests(WebMailAppFactory app, ITestOutputHelper output) : IClassFixture<WebMailAppFactory>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private readonly MailTestClients _clients = new(output);

    [Fact]
    public async Task Opened_NoReceipt_SentOnConsent_AReportTheAskerUnderstands_OnlyOnce_MarkedOnTheServer()
    {
        var (teacher, student) = (DemoMailServer.NewTestAccount("receipt-asker"), DemoMailServer.NewTestAccount("receipt-reader"));
        var id = (await _clients.AppendAsync(student, [Asking(teacher, student, "请确认收到")], _timeout)).Single();
        var (mailbox, receipts) = SignedIn(student);

        var view = (await mailbox.OpenAsync(id, _timeout)).View;
        Assert.Equal(teacher, view.ReceiptTo);
        await Task.Delay(1500, _timeout);
        Assert.Equal(0, await InboxCountAsync(teacher)); // opening sends nothing

        var result = await receipts.SendAsync(id, _timeout);
        Assert.True(result.Succeeded, result.Problem.ToString());
        Assert.True((await receipts.SendAsync(id, _timeout)).Succeeded); // a second press: nothing more

        await _clients.WaitForInboxAsync(teacher, 1, _timeout);
        await Task.Delay(1500, _timeout);
        using var imap = await _clients.ImapAsync(teacher, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
        Assert.Equal(1, imap.Inbox.Count);
        var receipt = await imap.Inbox.GetMessageAsync(0, _timeout);
        var report = Assert.IsType<MultipartReport>(receipt.Body);
        Assert.Equal("disposition-notification", report.ReportType);
        var notification = Assert.IsType<MessageDispositionNotification>(report[1]);
        Assert.Equal("<asking@school.test>", notification.Fields["Original-Message-ID"]);
        Assert.Equal("manual-action/MDN-sent-manually; displayed", notification.Fields["Disposition"]);
        Assert.Equal("Read: 请确认收到", receipt.Subject);
        Assert.Equal("auto-replied", receipt.Headers["Auto-Submitted"]);
        Assert.Equal("asking@school.test", receipt.InReplyTo);
        Assert.Contains("$MDNSent", await KeywordsAsync(student));
    }

    [Fact]
    public async Task Declined_NothingSent_MarkedOnTheServer()
    {
        var (teacher, student) = (DemoMailServer.NewTestAccount("receipt-asker2"), DemoMailServer.NewTestAccount("receipt-decliner"));
        var id = (await _clients.AppendAsync(student, [Asking(teacher, student, "请回执")], _timeout)).Single();
        var (_, receipts) = SignedIn(student);

        await receipts.DeclineAsync(id, _timeout);
        Assert.True((await receipts.SendAsync(id, _timeout)).Succeeded); // declined in this session: not sent after all

        await Task.Delay(1500, _timeout);
        Assert.Equal(0, await InboxCountAsync(teacher));
        Assert.Contains("$MDNSent", await KeywordsAsync(student));
    }

    private static MimeMessage Asking(string from, string to, string subject)
    {
        var message = new MimeMessage { Subject = subject, MessageId = "asking@school.test", Body = new TextPart("plain") { Text = "看到请回执。" } };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add(HeaderId.DispositionNotificationTo, from);
        return message;
    }

    private (SessionMailbox Mailbox, IReadReceiptService Receipts) SignedIn(string user)
    {
        var session = app.Services.GetRequiredService<UserSessionStore>()
            .CreateAsync(user, DemoMailServer.Domain, ReadingProtocol.Imap, DemoMailServer.TestPassword).GetAwaiter().GetResult();
        var scope = app.Services.CreateScope();
        return (app.Services.GetRequiredService<SessionMailboxes>().For(session),
            ActivatorUtilities.CreateInstance<ReadReceiptService>(scope.ServiceProvider, new SignedInState(session)));
    }

    private Task<int> InboxCountAsync(string user) => _clients.CountAsync(user, _timeout);

    private async Task<IReadOnlySet<string>> KeywordsAsync(string user) => (await _clients.KeywordsAsync(user, "INBOX", _timeout)).Single().Keywords;
}
