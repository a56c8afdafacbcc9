using System.Net;
using System.Security.Cryptography;
using MailKit;
using WebMail.Client.Services;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>
/// A message over Reading:MaxMessageBytes is not downloaded to be shown: the reader gets its headers and a download
/// of the original, streamed from the server (over IMAP a megabyte at a time), byte for byte as the server has it.
/// </summary>
public sealed class LargeMessageTests(ITestOutputHelper output)
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;
    private readonly MailTestClients _clients = new(output);

    [Theory]
    [InlineData(ReadingProtocol.Imap)]
    [InlineData(ReadingProtocol.Pop3)]
    public async Task OverTheLimit_ShowsHeadersAndStreamsTheExactOriginal(ReadingProtocol protocol)
    {
        await using var app = WebMailAppFactory.With(new() { ["Reading:MaxMessageBytes"] = "1000000" });
        var user = DemoMailServer.NewTestAccount("large");
        var recording = RandomNumberGenerator.GetBytes(2_500_000);
        var ids = await _clients.AppendAsync(user, [TestMessages.WithAttachment("lecture recording", recording)], _timeout);
        var stored = await StoredBytesAsync(user);
        var mail = app.MailFor(user, protocol);
        var id = protocol == ReadingProtocol.Imap ? ids[0] : (await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 10), refresh: false, _timeout)).Messages.Single().Id;

        var opened = await mail.OpenAsync(id, _timeout);

        Assert.Equal("lecture recording", opened.View.Subject);
        Assert.Equal(stored.Length, opened.View.TooLargeBytes);
        Assert.True(opened.Raw.Length < 10_000, $"{opened.Raw.Length} bytes kept for a message shown by its headers");
        Assert.Null(opened.View.TextBody);

        using var client = new SignInClient(app);
        await client.SignInAsync(user, DemoMailServer.TestPassword, reading: protocol.ToString(), cancellationToken: _timeout);
        var listed = protocol == ReadingProtocol.Imap ? ids[0] : id;
        using var original = await client.GetAsync($"/mail/messages/{listed}/original", _timeout);
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal("message/rfc822", original.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SHA256.HashData(stored), SHA256.HashData(await original.Content.ReadAsByteArrayAsync(_timeout)));

        if (protocol == ReadingProtocol.Imap)
        {
            // IMAP describes the structure without sending it: the attachment is listed, and streams decoded.
            var listedAttachment = Assert.Single(opened.View.Attachments);
            Assert.Equal(TestMessages.ChineseFileName, listedAttachment.FileName);
            using var file = await client.GetAsync($"/mail/messages/{listed}/attachments/0", _timeout);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(SHA256.HashData(recording), SHA256.HashData(await file.Content.ReadAsByteArrayAsync(_timeout)));
        }
        else
        {
            Assert.Empty(opened.View.Attachments); // POP3 cannot describe a message without sending it: the original it is
        }
    }

    [Fact]
    public async Task UnderTheLimit_OpensWhole()
    {
        await using var app = WebMailAppFactory.With(new() { ["Reading:MaxMessageBytes"] = "1000000" });
        var user = DemoMailServer.NewTestAccount("small");
        var ids = await _clients.AppendAsync(user, [TestMessages.Plain("small one")], _timeout);

        var opened = await app.MailFor(user, ReadingProtocol.Imap).OpenAsync(ids[0], _timeout);

        Assert.Null(opened.View.TooLargeBytes);
        Assert.NotNull(opened.View.TextBody);
    }

    private async Task<byte[]> StoredBytesAsync(string user)
    {
        using var imap = await _clients.ImapAsync(user, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
        using var stream = await imap.Inbox.GetStreamAsync(0, _timeout);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, _timeout);
        return buffer.ToArray();
    }
}
