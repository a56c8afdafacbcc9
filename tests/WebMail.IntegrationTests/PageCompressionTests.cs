using System.IO.Compression;
using System.Text;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>
/// Pages are compressed for the webmail's own requests only (PageCompression): a request an attacker's site starts,
/// which BREACH needs, gets the page as it is.
/// </summary>
public sealed class PageCompressionTests(WebMailAppFactory app, ITestOutputHelper output) : IClassFixture<WebMailAppFactory>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Theory]
    [InlineData("same-origin")]
    [InlineData("none")]
    public async Task Inbox_FromOwnPageOrTheUser_IsCompressedWithBrotli(string fetchSite)
    {
        using var client = await SignedInAsync();

        using var response = await GetAsync(client, "/", fetchSite, "br, gzip");

        Assert.Equal("br", response.Content.Headers.ContentEncoding.Single());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var compressed = await response.Content.ReadAsByteArrayAsync(_timeout);
        await using var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        var html = await reader.ReadToEndAsync(_timeout);
        Assert.Contains("id=\"message-list\"", html);
        Assert.True(compressed.Length * 2 < Encoding.UTF8.GetByteCount(html), $"{compressed.Length} bytes for {html.Length} characters");
    }

    [Fact]
    public async Task SignInPage_WithoutBrotli_IsGzipped()
    {
        using var client = new SignInClient(app);

        using var response = await GetAsync(client, "/signin", "none", "gzip");

        Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
        await using var gzip = new GZipStream(new MemoryStream(await response.Content.ReadAsByteArrayAsync(_timeout)), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        Assert.Contains("__RequestVerificationToken", await reader.ReadToEndAsync(_timeout));
    }

    [Theory]
    [InlineData("cross-site")]
    [InlineData("same-site")]
    [InlineData(null)]
    public async Task Inbox_StartedElsewhereOrUnsaid_IsNotCompressed(string? fetchSite)
    {
        using var client = await SignedInAsync();

        using var response = await GetAsync(client, "/?q=compress", fetchSite, "br, gzip");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("id=\"message-list\"", await response.Content.ReadAsStringAsync(_timeout));
    }

    private async Task<HttpResponseMessage> GetAsync(SignInClient client, string path, string? fetchSite, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (fetchSite is not null)
        {
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", fetchSite);
        }

        var response = await client.Http.SendAsync(request, _timeout);
        response.EnsureSuccessStatusCode();
        return response;
    }

    private async Task<SignInClient> SignedInAsync()
    {
        var user = DemoMailServer.NewTestAccount("compress");
        await new MailTestClients(output).AppendAsync(user, [.. Enumerable.Range(1, 5).Select(i => TestMessages.Plain($"Rows to compress {i}"))], _timeout);
        var client = new SignInClient(app);
        await client.SignInAsync(user, DemoMailServer.TestPassword, cancellationToken: _timeout);
        return client;
    }
}
