using System.Net;
using System.Net.Http.Headers;
using System.Text;
using WebMail.Client.Services;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>
/// The attachment preview's URLs and text (issue 22) against the real Dovecot: each kind served as itself under a
/// sandbox policy, what is not previewed never served inline, GBK text read right, and a text file of a message too
/// large to keep read only as far as the preview shows, from the server, with the session working on afterwards.
/// </summary>
public sealed class AttachmentPreviewEndpointTests(WebMailAppFactory app, ITestOutputHelper output) : IClassFixture<WebMailAppFactory>
{
    // Attachment positions in PreviewMessages.All.
    private const int Pdf = 0, Png = 1, Svg = 2, Csv = 3, Text = 4, Word = 5, Wav = 6;
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;
    private readonly MailTestClients _clients = new(output);

    [Fact]
    public async Task Media_ServedInlineAsItsOwnType_UnderASandboxPolicy_WithRanges()
    {
        var (client, id) = await SignedInWithAllKindsAsync("previewmedia");
        using var _ = client;

        using var png = await client.GetAsync($"/mail/messages/{id}/attachments/{Png}/preview", _timeout);
        using var svg = await client.GetAsync($"/mail/messages/{id}/attachments/{Svg}/preview", _timeout);
        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/mail/messages/{id}/attachments/{Png}/preview") { Headers = { Range = new RangeHeaderValue(0, 3) } };
        using var part = await client.Http.SendAsync(ranged, _timeout);

        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", png.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(PreviewMessages.Png, await png.Content.ReadAsByteArrayAsync(_timeout));
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType); // sent as octet-stream; the name says SVG
        using var wav = await client.GetAsync($"/mail/messages/{id}/attachments/{Wav}/preview", _timeout);
        Assert.Equal("audio/wav", wav.Content.Headers.ContentType!.MediaType);
        Assert.Equal(PreviewMessages.Wav(), await wav.Content.ReadAsByteArrayAsync(_timeout));
        foreach (var response in new[] { png, svg })
        {
            var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.StartsWith("sandbox;", policy, StringComparison.Ordinal); // no allow-scripts: an SVG's script never runs
            Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }

        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(PreviewMessages.Png[..4], await part.Content.ReadAsByteArrayAsync(_timeout));
    }

    [Fact]
    public async Task Pdf_APageThatCarriesThePdf_ScriptsOnlyFromThisSite_NoOrigin()
    {
        var (client, id) = await SignedInWithAllKindsAsync("previewpdf");
        using var _ = client;
        var stored = await DownloadAsync(client, id, Pdf);

        using var response = await client.GetAsync($"/mail/messages/{id}/attachments/{Pdf}/pdf", _timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("sandbox allow-scripts;", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-same-origin", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        var page = await response.Content.ReadAsStringAsync(_timeout);
        Assert.Contains($">{Convert.ToBase64String(stored)}</script>", page, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"/pdf-preview.js\"></script>", page, StringComparison.Ordinal);
        Assert.Contains($"<title>{PreviewMessages.PdfFileName}</title>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Word, "preview")] // Office stays a download
    [InlineData(Pdf, "preview")] // a PDF only through its page
    [InlineData(Csv, "preview")] // text comes over the live connection, shown as text
    [InlineData(Png, "pdf")]
    [InlineData(99, "preview")]
    public async Task NotPreviewedThatWay_NotFound(int index, string way)
    {
        var (client, id) = await SignedInWithAllKindsAsync("previewnot");
        using var _ = client;

        using var response = await client.GetAsync($"/mail/messages/{id}/attachments/{index}/{way}", _timeout);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(ReadingProtocol.Imap)]
    [InlineData(ReadingProtocol.Pop3)]
    public async Task PreviewText_GbkCsvWithoutCharset_AndUtf8Text_ReadRight(ReadingProtocol protocol)
    {
        var user = DemoMailServer.NewTestAccount("previewtext");
        var ids = await _clients.AppendAsync(user, [PreviewMessages.All("文本", "http://tracker.invalid")], _timeout);
        var mailbox = app.MailboxServiceFor(user, protocol);
        var id = protocol == ReadingProtocol.Imap ? ids[0] : (await mailbox.ListAsync(new MessageQuery(), cancellationToken: _timeout)).Messages.Single().Id;

        var csv = await mailbox.PreviewTextAsync(id, Csv, _timeout);
        var text = await mailbox.PreviewTextAsync(id, Text, _timeout);
        var missing = await Assert.ThrowsAsync<MailOperationException>(() => mailbox.PreviewTextAsync(id, 99, _timeout));

        Assert.Equal(new AttachmentText(PreviewMessages.CsvText, Cut: false), csv);
        Assert.Equal(PreviewMessages.TextBody, text.Text);
        Assert.Equal(MailProblem.MessageNotFound, missing.Problem);
    }

    [Fact]
    public async Task TooLargeToKeep_TextReadOnlyAsFarAsShown_FromTheServer_PicturesStillPreviewed_SessionWorksOn()
    {
        await using var small = WebMailAppFactory.With(new() { ["Reading:MaxMessageBytes"] = "1000000" });
        var user = DemoMailServer.NewTestAccount("previewlarge");
        var log = string.Concat(Enumerable.Range(0, 40_000).Select(i => $"第 {i} 行 line {i}\n")); // about 1 MB, UTF-8
        var body = new MimeKit.BodyBuilder { TextBody = "日志见附件。" };
        body.Attachments.Add("server.log", Encoding.UTF8.GetBytes(log));
        body.Attachments.Add("photo.png", PreviewMessages.Png);
        var message = new MimeKit.MimeMessage { Subject = "日志", Body = body.ToMessageBody() };
        message.From.Add(MimeKit.MailboxAddress.Parse("teacher@school.test"));
        var id = (await _clients.AppendAsync(user, [message], _timeout)).Single();
        var mailbox = small.MailboxServiceFor(user, ReadingProtocol.Imap);
        Assert.NotNull((await mailbox.OpenAsync(id, _timeout)).TooLargeBytes);

        var preview = await mailbox.PreviewTextAsync(id, 0, _timeout);

        Assert.True(preview.Cut);
        Assert.StartsWith("第 0 行 line 0\n第 1 行", preview.Text, StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(preview.Text), AttachmentPreview.MaxTextBytes - 3, AttachmentPreview.MaxTextBytes);
        Assert.Equal(log[..preview.Text.Length], preview.Text); // no broken character at the cut
        // Stopping the transfer dropped that connection; the next call makes another.
        Assert.Single((await mailbox.ListAsync(new MessageQuery(), refresh: true, _timeout)).Messages);
        using var client = new SignInClient(small);
        await client.SignInAsync(user, DemoMailServer.TestPassword, reading: "Imap", cancellationToken: _timeout);
        using var png = await client.GetAsync($"/mail/messages/{id}/attachments/1/preview", _timeout);
        Assert.Equal(PreviewMessages.Png, await png.Content.ReadAsByteArrayAsync(_timeout));
    }

    private async Task<(SignInClient Client, string Id)> SignedInWithAllKindsAsync(string purpose)
    {
        var user = DemoMailServer.NewTestAccount(purpose);
        var id = (await _clients.AppendAsync(user, [PreviewMessages.All("课件与成绩", "http://tracker.invalid")], _timeout)).Single();
        var client = new SignInClient(app);
        await client.SignInAsync(user, DemoMailServer.TestPassword, reading: "Imap", cancellationToken: _timeout);
        return (client, id);
    }

    private async Task<byte[]> DownloadAsync(SignInClient client, string id, int index)
    {
        using var response = await client.GetAsync($"/mail/messages/{id}/attachments/{index}", _timeout);
        var bytes = await response.Content.ReadAsByteArrayAsync(_timeout);
        Assert.True(bytes.AsSpan().StartsWith("%PDF"u8));
        return bytes;
    }
}
