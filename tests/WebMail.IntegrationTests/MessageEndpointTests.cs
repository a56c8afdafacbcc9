using System.Net;
using System.Security.Cryptography;
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

    private string? _lastUser;

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
