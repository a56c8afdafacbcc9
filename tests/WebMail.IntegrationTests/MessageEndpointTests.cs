using System.Net;
using System.Security.Cryptography;
using System.Text;
using MailKit;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>The body and attachment URLs: safe headers, and only ever for the session that owns the message.</summary>
public sealed class MessageEndpointTests(WebMailAppFactory app, ITestOutputHelper output) : IClassFixture<WebMailAppFactory>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private readonly MailTestClients _clients = new(output);

    [Fact]
    public async Task Body_OwnMessage_ServedSanitizedInsideASandboxPolicy()
    {
        var (client, ids, _) = await SignedInWithMessagesAsync("body");
        using var _ = client;

        using var response = await client.GetAsync($"/mail/messages/{ids[0]}/body", _timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("sandbox", policy);
        Assert.DoesNotContain("allow-scripts", policy);
        Assert.DoesNotContain("allow-same-origin", policy);
        Assert.Contains("img-src data:;", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await response.Content.ReadAsStringAsync(_timeout);
        Assert.Contains("<b>bold</b>", html);
        Assert.DoesNotContain("<script", html);

        using var remote = await client.GetAsync($"/mail/messages/{ids[0]}/body?remote=true", _timeout);
        Assert.Contains("img-src data: https: http:;", string.Join(";", remote.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task BodyFrameWarmup_ServedUnderTheBodysPolicy_OnlyToASignedInUser()
    {
        var (client, ids, _) = await SignedInWithMessagesAsync("warmup");
        using var _ = client;
        using var body = await client.GetAsync($"/mail/messages/{ids[0]}/body", _timeout);
        using var anonymous = new SignInClient(app);

        using var response = await client.GetAsync("/mail/body-frame-warmup", _timeout);
        using var refused = await anonymous.GetAsync("/mail/body-frame-warmup", _timeout);

        // The same sandbox as a body's, or the browser would not put bodies in the process this frame keeps ready.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            string.Join(";", body.Headers.GetValues("Content-Security-Policy")),
            string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("邮件", await response.Content.ReadAsStringAsync(_timeout));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    [Fact]
    public async Task Attachment_OwnMessage_DownloadsTheExactBytesUnderASafeName()
    {
        var (client, ids, attachment) = await SignedInWithMessagesAsync("download");
        using var _ = client;

        using var response = await client.GetAsync($"/mail/messages/{ids[1]}/attachments/0", _timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(TestMessages.ChineseFileName, response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(attachment, await response.Content.ReadAsByteArrayAsync(_timeout));
    }

    [Fact]
    public async Task AnotherSession_AsksForTheseMessages_Gets404AndNothingElse()
    {
        var (owner, ids, _) = await SignedInWithMessagesAsync("owner");
        using var _ = owner;
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/mail/messages/{ids[0]}/body", _timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/mail/messages/{ids[1]}/attachments/0", _timeout)).StatusCode);
        var intruder = DemoMailServer.NewTestAccount("intruder");
        using var other = new SignInClient(app);
        await other.SignInAsync(intruder, DemoMailServer.TestPassword, cancellationToken: _timeout);

        using var body = await other.GetAsync($"/mail/messages/{ids[0]}/body", _timeout);
        using var file = await other.GetAsync($"/mail/messages/{ids[1]}/attachments/0", _timeout);

        Assert.Equal(HttpStatusCode.NotFound, body.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.DoesNotContain("bold", await body.Content.ReadAsStringAsync(_timeout));
    }

    [Fact]
    public async Task NotSignedIn_AsksForAMessage_IsSentToSignIn()
    {
        using var anonymous = new SignInClient(app);

        using var response = await anonymous.GetAsync("/mail/messages/1.1/body", _timeout);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Source_OwnMessage_ServedAsSandboxedPlainTextOutsideTheLiveConnection()
    {
        var (client, ids, _) = await SignedInWithMessagesAsync("source");
        using var _ = client;

        using var response = await client.GetAsync($"/mail/messages/{ids[0]}/source", _timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("sandbox", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var raw = await response.Content.ReadAsStringAsync(_timeout);
        Assert.Contains("Subject: html", raw);
        Assert.Contains("<script>", raw); // the raw message, as it is: shown as text, never run

        using var other = new SignInClient(app);
        await other.SignInAsync(DemoMailServer.NewTestAccount("source-other"), DemoMailServer.TestPassword, reading: "Imap", cancellationToken: _timeout);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/mail/messages/{ids[0]}/source", _timeout)).StatusCode);
    }

    [Fact]
    public async Task BodyAndAttachment_Fetched_LeaveTheMessagesUnreadOnTheServer()
    {
        // A GET can come from a prefetching browser or a pasted link, not only from the user opening the message.
        var (client, ids, _) = await SignedInWithMessagesAsync("peek");
        using var _ = client;

        using (await client.GetAsync($"/mail/messages/{ids[0]}/body", _timeout))
        using (await client.GetAsync($"/mail/messages/{ids[1]}/attachments/0", _timeout))
        {
        }

        using var imap = await _clients.ImapAsync(_lastUser!, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(MailKit.FolderAccess.ReadOnly, _timeout);
        var flags = await imap.Inbox.FetchAsync(0, -1, MailKit.MessageSummaryItems.Flags, _timeout);
        Assert.Equal(2, flags.Count);
        Assert.All(flags, f => Assert.False(f.Flags!.Value.HasFlag(MailKit.MessageFlags.Seen)));
    }

    [Fact]
    public async Task AllAttachments_OneZip_ChineseNamesInUtf8AndFlaggedSo_TheSameNameTwiceNumbered_ExactBytes()
    {
        var user = DemoMailServer.NewTestAccount("zip");
        var (report, again, data) = (RandomNumberGenerator.GetBytes(5000), RandomNumberGenerator.GetBytes(3000), Encoding.UTF8.GetBytes("学号,成绩\n2023001,90\n"));
        var body = new MimeKit.BodyBuilder { TextBody = "三个附件" };
        body.Attachments.Add("实验报告.pdf", report);
        body.Attachments.Add("实验报告.pdf", again);
        body.Attachments.Add("成绩/数据.csv", data);
        var message = new MimeKit.MimeMessage { Subject = "第三周：实验材料", Body = body.ToMessageBody() };
        message.From.Add(MimeKit.MailboxAddress.Parse("teacher@school.test"));
        var id = (await _clients.AppendAsync(user, [message], _timeout)).Single();
        using var client = new SignInClient(app);
        await client.SignInAsync(user, DemoMailServer.TestPassword, reading: "Imap", cancellationToken: _timeout);

        using var response = await client.GetAsync($"/mail/messages/{id}/attachments.zip", _timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("第三周：实验材料.zip", response.Content.Headers.ContentDisposition!.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync(_timeout);
        // The first local file header's general purpose flags: bit 11 says the name is UTF-8 (APPNOTE 4.4.4).
        Assert.Equal(0x0800, BitConverter.ToUInt16(bytes, 6) & 0x0800);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        Assert.Equal(["实验报告.pdf", "实验报告 (2).pdf", "数据.csv"], zip.Entries.Select(e => e.FullName));
        Assert.Equal([report, again, data], zip.Entries.Select(e =>
        {
            using var content = new MemoryStream();
            e.Open().CopyTo(content);
            return content.ToArray();
        }));
    }

    [Fact]
    public async Task Original_DownloadedAsTheSubjectDotEml_TheExactMessage()
    {
        var (client, ids, _) = await SignedInWithMessagesAsync("eml");
        using var _ = client;

        using var response = await client.GetAsync($"/mail/messages/{ids[1]}/original", _timeout);

        Assert.Equal("message/rfc822", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("file.eml", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        var downloaded = MimeKit.MimeMessage.Load(new MemoryStream(await response.Content.ReadAsByteArrayAsync(_timeout)));
        Assert.Equal("file", downloaded.Subject);
        Assert.Single(downloaded.Attachments);
    }

    [Fact]
    public async Task Print_HtmlMessage_SanitizedBodyUnderItsOwnPolicy_OnlyThePrintScript_RemotePicturesBlockedByIt()
    {
        var (client, ids, _) = await SignedInWithMessagesAsync("print");
        using var _ = client;

        using var response = await client.GetAsync($"/mail/messages/{ids[0]}/print", _timeout);
        var page = await response.Content.ReadAsStringAsync(_timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WebMail.Server.Mail.Rendering.PrintPage.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("img-src data:;", WebMail.Server.Mail.Rendering.PrintPage.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("<h1>html</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Hello <b>bold</b> world", page, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(1)", page, StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(page, "<script"));
        Assert.Contains("<script src=\"/print.js\"></script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_TextMessage_HeadersEncoded_LineBreaksKept_AttachmentNamesListed()
    {
        var user = _lastUser = DemoMailServer.NewTestAccount("printtext");
        var message = TestMessages.WithAttachment("<b>not bold</b> 作业", [1, 2, 3]);
        var id = (await _clients.AppendAsync(user, [message], _timeout)).Single();
        using var client = new SignInClient(app);
        await client.SignInAsync(user, DemoMailServer.TestPassword, reading: "Imap", cancellationToken: _timeout);

        using var response = await client.GetAsync($"/mail/messages/{id}/print", _timeout);
        var page = await response.Content.ReadAsStringAsync(_timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>&lt;b&gt;not bold&lt;/b&gt; 作业</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"text\">", page, StringComparison.Ordinal);
        Assert.Contains("<li>" + TestMessages.ChineseFileName + "</li>", page, StringComparison.Ordinal);
    }

    private string? _lastUser;

    [Theory]
    [InlineData("Imap", 3)]
    [InlineData("Pop3", 1)] // no conversations over POP3: the message alone
    public async Task Print_Conversation_EveryMessageOfItInReplyOrder_ChineseReplyPrefixes_NothingElse(string reading, int printed)
    {
        var user = _lastUser = DemoMailServer.NewTestAccount("printthread");
        var day = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));
        var root = TestMessages.Sent("实验报告讨论", "teacher@school.test", day, body: "第一封");
        var reply = TestMessages.ReplyTo(root, "回复：实验报告讨论", day.AddDays(1));
        reply.Body = new MimeKit.TextPart("plain") { Text = "第二封" };
        var last = TestMessages.ReplyTo(reply, "Re: 回复：实验报告讨论", day.AddDays(2));
        last.Body = new MimeKit.TextPart("plain") { Text = "第三封" };
        var other = TestMessages.Sent("周末安排", "teacher@school.test", day.AddDays(1), body: "别的事");
        var ids = await _clients.AppendAsync(user, [root, other, reply, last], _timeout);
        using var client = new SignInClient(app);
        await client.SignInAsync(user, DemoMailServer.TestPassword, reading: reading, cancellationToken: _timeout);
        var lastId = reading == "Imap" ? ids[3] : await Pop3IdOfAsync(user, "Re: 回复：实验报告讨论");

        using var response = await client.GetAsync($"/mail/messages/{lastId}/print?conversation=true", _timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("sandbox", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var page = await response.Content.ReadAsStringAsync(_timeout);
        Assert.Equal(printed, System.Text.RegularExpressions.Regex.Count(page, "<article>"));
        var shown = new[] { "第一封", "第二封", "第三封" }.Where(text => page.Contains(text, StringComparison.Ordinal)).ToList();
        Assert.Equal(printed == 3 ? ["第一封", "第二封", "第三封"] : ["第三封"], shown);
        Assert.True(printed == 1 || page.IndexOf("第一封", StringComparison.Ordinal) < page.IndexOf("第三封", StringComparison.Ordinal));
        Assert.DoesNotContain("别的事", page, StringComparison.Ordinal);
    }

    /// <summary>A POP3 session's id of the message with <paramref name="subject"/>, as its list names it.</summary>
    private async Task<string> Pop3IdOfAsync(string user, string subject)
    {
        var listed = await app.MailOfSignedIn(user).ListAsync(new WebMail.Client.Services.MessageQuery(PageIndex: 0, PageSize: 10), refresh: false, _timeout);
        return listed.Messages.Single(m => m.Subject == subject).Id;
    }

    private async Task<(SignInClient Client, IReadOnlyList<string> Ids, byte[] Attachment)> SignedInWithMessagesAsync(string purpose)
    {
        var user = _lastUser = DemoMailServer.NewTestAccount(purpose);
        var attachment = RandomNumberGenerator.GetBytes(10_000);
        var ids = await _clients.AppendAsync(user, [TestMessages.Html("html"), TestMessages.WithAttachment("file", attachment)], _timeout);
        var client = new SignInClient(app);
        await client.SignInAsync(user, DemoMailServer.TestPassword, reading: "Imap", cancellationToken: _timeout);
        return (client, ids, attachment);
    }
}
