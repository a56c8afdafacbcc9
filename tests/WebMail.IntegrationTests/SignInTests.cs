using System.Net;
using WebMail.Server.Hosting;
using WebMail.Testing;

namespace WebMail.IntegrationTests;

/// <summary>Signing in through the real form against the real demo mail server (and, over IMAP, against Cyrus).</summary>
public sealed class SignInTests(WebMailAppFactory app, CyrusAppFactory cyrus) : IClassFixture<WebMailAppFactory>, IClassFixture<CyrusAppFactory>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Theory]
    [InlineData("Imap", "IMAP", ImapServer.Dovecot)]
    [InlineData("Pop3", "POP3", ImapServer.Dovecot)]
    [InlineData("Imap", "IMAP", ImapServer.Cyrus)]
    public async Task SignIn_CorrectPassword_RedirectsHomeSignedIn(string reading, string shown, ImapServer server)
    {
        var user = DemoMailServer.NewTestAccount("signin");
        using var client = new SignInClient(App(server));

        using var response = await client.SignInAsync(user, DemoMailServer.TestPassword, reading, _timeout);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.AbsolutePath);
        var home = await client.GetPageAsync("/", _timeout);
        Assert.Matches($"id=\"signed-in-user\"[^>]*>{user}<", home);
        Assert.Matches($"id=\"reading-protocol\"[^>]*>{shown}<", home);
    }

    [Theory]
    [MemberData(nameof(ImapServers.Each), MemberType = typeof(ImapServers))]
    public async Task SignIn_BareUserName_AddsDefaultDomain(ImapServer server)
    {
        using var client = new SignInClient(App(server));

        using var response = await client.SignInAsync("Alice", "alice-demo", cancellationToken: _timeout);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches($"id=\"signed-in-user\"[^>]*>alice@{DemoMailServer.Domain}<", await client.GetPageAsync("/", _timeout));
    }

    [Fact]
    public async Task SignIn_ReturnUrl_GoesBackThereButNeverOffSite()
    {
        using var client = new SignInClient(app);
        var form = await client.GetFormFieldsAsync("/signin?returnUrl=%2F%2Fevil.example%2F", "signin", _timeout);
        form["Input.UserName"] = DemoMailServer.NewTestAccount("redirect");
        form["Input.Password"] = DemoMailServer.TestPassword;

        using var response = await client.PostAsync("/signin?returnUrl=%2F%2Fevil.example%2F", form, _timeout);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("localhost", response.Headers.Location!.Host);
        Assert.Equal("/", response.Headers.Location.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(ImapServers.Each), MemberType = typeof(ImapServers))]
    public async Task SignIn_WrongPassword_SaysSoAndKeepsTheUserNameButNotThePassword(ImapServer server)
    {
        var user = DemoMailServer.NewTestAccount("wrong");
        using var client = new SignInClient(App(server));

        using var response = await client.SignInAsync(user, "Wrong-Secret-123", cancellationToken: _timeout);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(_timeout));
        Assert.Contains("Wrong user name or password.", page);
        Assert.Contains($"value=\"{user}\"", page);
        Assert.DoesNotContain("Wrong-Secret-123", page);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", _timeout)).StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownDomain_SaysSo()
    {
        using var client = new SignInClient(app);

        using var response = await client.SignInAsync("alice@other-school.example", "whatever", cancellationToken: _timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("does not serve that address", await response.Content.ReadAsStringAsync(_timeout));
    }

    [Fact]
    public async Task SignIn_ChineseBrowser_ProblemInChinese()
    {
        using var client = new SignInClient(app);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await client.SignInAsync(DemoMailServer.NewTestAccount("zh"), "wrong", cancellationToken: _timeout);

        Assert.Contains("用户名或密码错误。", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(_timeout)));
    }

    [Fact]
    public async Task Home_NotSignedIn_RedirectsToSignIn()
    {
        using var client = new SignInClient(app);

        using var response = await client.GetAsync("/", _timeout);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task SignOut_ThenReplayTheOldCookie_LeadsToSignIn()
    {
        using var client = new SignInClient(app);
        await client.SignInAsync(DemoMailServer.NewTestAccount("signout"), DemoMailServer.TestPassword, cancellationToken: _timeout);
        var cookie = SessionCookie(client);

        using var signOut = await client.SignOutAsync(_timeout);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/signin", signOut.Headers.Location!.OriginalString.Split('?')[0]);

        using var replay = new HttpRequestMessage(HttpMethod.Get, "/");
        replay.Headers.Add("Cookie", cookie);
        using var fresh = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var response = await fresh.SendAsync(replay, _timeout);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefusedAndSessionLives()
    {
        using var client = new SignInClient(app);
        await client.SignInAsync(DemoMailServer.NewTestAccount("csrf"), DemoMailServer.TestPassword, cancellationToken: _timeout);

        using var response = await client.PostAsync("/account/signout", [], _timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", _timeout)).StatusCode);
    }

    [Fact]
    public async Task TwoUsers_SignedInAtOnce_EachSeesOnlyTheirOwnAccount()
    {
        var alice = DemoMailServer.NewTestAccount("alice");
        var bob = DemoMailServer.NewTestAccount("bob");
        using var aliceClient = new SignInClient(app);
        using var bobClient = new SignInClient(app);
        await aliceClient.SignInAsync(alice, DemoMailServer.TestPassword, cancellationToken: _timeout);
        await bobClient.SignInAsync(bob, DemoMailServer.TestPassword, cancellationToken: _timeout);

        var alicePage = await aliceClient.GetPageAsync("/", _timeout);
        var bobPage = await bobClient.GetPageAsync("/", _timeout);

        Assert.Contains(alice, alicePage);
        Assert.DoesNotContain(bob, alicePage);
        Assert.Contains(bob, bobPage);
        Assert.DoesNotContain(alice, bobPage);
        Assert.NotEqual(SessionCookie(aliceClient), SessionCookie(bobClient));
    }

    private string SessionCookie(SignInClient client) =>
        client.Responses.SelectMany(r => r.Split('\n')).Last(l => l.StartsWith($"Set-Cookie: {AuthenticationRegistration.SecureCookieName}=", StringComparison.Ordinal))
            ["Set-Cookie: ".Length..].Split(';')[0];

    private WebMailAppFactory App(ImapServer server) => server == ImapServer.Cyrus ? cyrus : app;
}
