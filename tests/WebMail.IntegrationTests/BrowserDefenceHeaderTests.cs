using System.Net;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>Every kind of response the webmail sends carries the browser defences that belong to it.</summary>
public sealed class BrowserDefenceHeaderTests(WebMailAppFactory app, ITestOutputHelper output) : IClassFixture<WebMailAppFactory>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public static TheoryData<string> AppPages => new(["/", "/compose", "/status", "/message/1.1", "/signin", "/no-such-page", "/?page=999"]);

    [Theory]
    [MemberData(nameof(AppPages))]
    public async Task AppPage_SignedIn_CarriesTheStrictPolicy(string path)
    {
        using var client = await SignedInAsync("headers");

        using var response = await client.GetAsync(path, _timeout);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotContain("'unsafe-inline'", policy.Split(';').Single(p => p.Trim().StartsWith("script-src", StringComparison.Ordinal)));
        AssertCommonDefences(response);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task BodyAndAttachment_CarryTheirOwnDefences()
    {
        var user = DemoMailServer.NewTestAccount("headers");
        var ids = await new MailTestClients(output).AppendAsync(
            user, [TestMessages.Html("h"), TestMessages.WithAttachment("a", [1, 2, 3])], _timeout);
        using var client = new SignInClient(app);
        await client.SignInAsync(user, DemoMailServer.TestPassword, cancellationToken: _timeout);

        using var body = await client.GetAsync($"/mail/messages/{ids[0]}/body", _timeout);
        using var attachment = await client.GetAsync($"/mail/messages/{ids[1]}/attachments/0", _timeout);

        Assert.StartsWith("sandbox ", body.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("no-store", body.Headers.CacheControl!.ToString());
        AssertCommonDefences(body);
        Assert.Equal("application/octet-stream", attachment.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", attachment.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("no-store", attachment.Headers.CacheControl!.ToString());
        AssertCommonDefences(attachment);
    }

    [Fact]
    public async Task OverHttps_StrictTransportSecurityIsSent_AndNotOverPlainHttp()
    {
        using var https = app.CreateClient(new() { BaseAddress = new Uri("https://webmail.school.test/"), AllowAutoRedirect = false });
        using var http = app.CreateClient(new() { BaseAddress = new Uri("http://webmail.school.test/"), AllowAutoRedirect = false });

        using var secure = await https.GetAsync("/signin", _timeout);
        using var plain = await http.GetAsync("/signin", _timeout);

        Assert.Contains("max-age=", secure.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task SignInForm_PostedWithoutAntiforgeryToken_IsRefused()
    {
        using var client = new SignInClient(app);
        var form = new Dictionary<string, string>
        {
            ["Input.UserName"] = DemoMailServer.NewTestAccount("csrf"),
            ["Input.Password"] = DemoMailServer.TestPassword,
            ["_handler"] = "signin",
        };

        using var response = await client.PostAsync("/signin", form, _timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    private static void AssertCommonDefences(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    private async Task<SignInClient> SignedInAsync(string purpose)
    {
        var client = new SignInClient(app);
        await client.SignInAsync(DemoMailServer.NewTestAccount(purpose), DemoMailServer.TestPassword, cancellationToken: _timeout);
        return client;
    }
}
