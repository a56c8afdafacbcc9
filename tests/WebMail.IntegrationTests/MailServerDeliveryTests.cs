using System.Security.Cryptography;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>Mail really travels: submission with AUTH, LMTP delivery, then POP3 and IMAP read it back intact.</summary>
public sealed class MailServerDeliveryTests(ITestOutputHelper output)
{
    private const string ChineseSubject = "期末考试安排（第十八周）";
    private const string ChineseBody = "各位同学：考试将于第十八周开始，请按时参加。";
    private const string AttachmentName = "课程表 2026.pdf";

    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private readonly MailTestClients _clients = new(output);

    [Fact]
    public async Task Submit_ChineseMessageWithAttachment_ArrivesIntactOverPop3AndImap()
    {
        var sender = DemoMailServer.NewTestAccount("sender");
        var recipient = DemoMailServer.NewTestAccount("recipient");
        var attachmentBytes = RandomNumberGenerator.GetBytes(50_000);
        var sent = BuildMessage(sender, recipient, attachmentBytes);

        using (var smtp = await _clients.SmtpAsync(sender, DemoMailServer.TestPassword, _timeout))
        {
            await smtp.SendAsync(sent, _timeout);
            await smtp.DisconnectAsync(true, _timeout);
        }

        await _clients.WaitForInboxAsync(recipient, 1, _timeout);

        using (var pop3 = await _clients.Pop3Async(recipient, DemoMailServer.TestPassword, _timeout))
        {
            var uids = await pop3.GetMessageUidsAsync(_timeout);
            Assert.Single(uids);
            var headers = await pop3.GetMessageHeadersAsync(0, _timeout);
            Assert.Equal(ChineseSubject, headers[HeaderId.Subject]);
            AssertIntact(await pop3.GetMessageAsync(0, _timeout), attachmentBytes);
            await pop3.DisconnectAsync(true, _timeout);
        }

        using (var imap = await _clients.ImapAsync(recipient, DemoMailServer.TestPassword, _timeout))
        {
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
            var summary = Assert.Single(await imap.Inbox.FetchAsync(0, -1, MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope | MessageSummaryItems.BodyStructure, _timeout));
            Assert.Equal(ChineseSubject, summary.Envelope?.Subject);
            Assert.Equal(AttachmentName, Assert.Single(summary.Attachments).FileName);
            AssertIntact(await imap.Inbox.GetMessageAsync(summary.UniqueId, _timeout), attachmentBytes);
            await imap.DisconnectAsync(true, _timeout);
        }
    }

    [Fact]
    public async Task Submit_WithoutAuthentication_IsRefused()
    {
        var recipient = DemoMailServer.NewTestAccount("norelay");
        using var smtp = await _clients.SmtpAsync(user: null, password: null, _timeout);

        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() =>
            smtp.SendAsync(BuildMessage("someone@elsewhere.example", recipient, [1, 2, 3]), _timeout));

        output.WriteLine($"refused with {refused.StatusCode}: {refused.Message}");
    }

    [Fact]
    public async Task InboundPort_RelayToAnotherDomain_IsRefused()
    {
        using var smtp = new SmtpClient(new TestProtocolLogger(output, "smtp inbound"));
        await smtp.ConnectAsync("127.0.0.1", DemoMailServer.SmtpPort, MailKit.Security.SecureSocketOptions.None, _timeout);

        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() =>
            smtp.SendAsync(BuildMessage("someone@elsewhere.example", "victim@elsewhere.example", [1, 2, 3]), _timeout));

        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, refused.ErrorCode);
    }

    private static MimeMessage BuildMessage(string from, string to, byte[] attachmentBytes)
    {
        var gb2312 = Encoding.GetEncoding("gb2312");
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(gb2312, "测试发件人", from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Replace(HeaderId.Subject, gb2312, ChineseSubject);
        var body = new TextPart("plain");
        body.SetText(gb2312, ChineseBody);
        var attachment = new MimePart("application", "pdf")
        {
            Content = new MimeContent(new MemoryStream(attachmentBytes)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = AttachmentName,
        };
        message.Body = new Multipart("mixed") { body, attachment };
        return message;
    }

    private static void AssertIntact(MimeMessage received, byte[] attachmentBytes)
    {
        Assert.Equal(ChineseSubject, received.Subject);
        Assert.Equal("测试发件人", received.From.Mailboxes.Single().Name);
        Assert.Equal(ChineseBody, received.TextBody?.TrimEnd());
        var attachment = Assert.IsType<MimePart>(Assert.Single(received.Attachments));
        Assert.Equal(AttachmentName, attachment.FileName);
        using var decoded = new MemoryStream();
        Assert.NotNull(attachment.Content);
        attachment.Content.DecodeTo(decoded);
        Assert.Equal(SHA256.HashData(attachmentBytes), SHA256.HashData(decoded.ToArray()));
    }
}
