using System.Net;
using WebMail.Testing;

namespace WebMail.IntegrationTests;

/// <summary>What a user sees when the mail server is away, slow, untrusted, or when they guess too often.</summary>
public sealed class SignInFailureTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task SignIn_MailServerPortClosed_SaysUnreachable()
    {
        await using var app = WebMailAppFactory.With(new() { ["Mail:Domains:0:Imap:Port"] = FreePort.Find().ToString() });
        using var client = new SignInClient(app);

        using var response = await client.SignInAsync(DemoMailServer.NewTestAccount("closed"), DemoMailServer.TestPassword, cancellationToken: _timeout);

        await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "The mail server cannot be reached right now.");
    }

    [Fact]
    public async Task SignIn_MailServerNeverAnswers_SaysTooSlowAfterTheTimeout()
    {
        using var silent = new SilentServer();
        await using var app = WebMailAppFactory.With(new()
        {
            ["Mail:Domains:0:Imap:Port"] = silent.Port.ToString(),
            ["Mail:Domains:0:Imap:TimeoutSeconds"] = "2",
        });
        using var client = new SignInClient(app);
        await client.GetAsync("/signin", _timeout);
        var started = DateTime.UtcNow;

        using var response = await client.SignInAsync(DemoMailServer.NewTestAccount("silent"), DemoMailServer.TestPassword, cancellationToken: _timeout);

        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(15));
        await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "The mail server is answering too slowly.");
    }

    [Fact]
    public async Task SignIn_FiftyConcurrentAttemptsAgainstASlowServer_OnlyTheAccountLimitReachIt()
    {
        // Each attempt waits for the hung server; a check made before any failure is recorded let all fifty through.
        using var silent = new SilentServer();
        await using var app = WebMailAppFactory.With(new()
        {
            ["Mail:Domains:0:Imap:Port"] = silent.Port.ToString(),
            ["Mail:Domains:0:Imap:TimeoutSeconds"] = "3",
            ["SignIn:MaxFailuresPerAccount"] = "3",
        });
        var user = DemoMailServer.NewTestAccount("parallel");
        var clients = Enumerable.Range(0, 50).Select(_ => new SignInClient(app)).ToList();
        foreach (var client in clients)
        {
            await client.GetAsync("/signin", _timeout);
        }

        var responses = await Task.WhenAll(clients.Select(c => c.SignInAsync(user, "guess", cancellationToken: _timeout)));

        Assert.Equal(3, silent.Accepted);
        Assert.Equal(47, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        foreach (var (response, client) in responses.Zip(clients))
        {
            response.Dispose();
            client.Dispose();
        }
    }

    [Fact]
    public async Task SignIn_CertificateNotTrusted_SaysSoAndSendsNoPassword()
    {
        await using var app = WebMailAppFactory.With(new() { ["Mail:Domains:0:TrustedCertificateFile"] = "" });
        using var client = new SignInClient(app);

        using var response = await client.SignInAsync(DemoMailServer.NewTestAccount("untrusted"), DemoMailServer.TestPassword, cancellationToken: _timeout);

        await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "security certificate is not trusted");
    }

    [Fact]
    public async Task SignIn_TooManyWrongPasswords_RefusesEvenTheRightOneWith429UntilTheWaitEnds()
    {
        await using var app = WebMailAppFactory.With(new()
        {
            ["SignIn:MaxFailuresPerAccount"] = "3",
            // Long enough that three refused logins (each slowed down by the mail server) fit in it.
            ["SignIn:Window"] = "00:00:08",
        });
        using var client = new SignInClient(app);
        var user = DemoMailServer.NewTestAccount("throttle");
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await client.SignInAsync(user, "wrong-" + i, cancellationToken: _timeout);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var locked = await client.SignInAsync(user, DemoMailServer.TestPassword, cancellationToken: _timeout);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        var retryAfter = int.Parse(locked.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 8);
        await AssertProblemAsync(locked, HttpStatusCode.TooManyRequests, $"Too many failed sign-ins. Please wait {retryAfter} seconds");

        await Task.Delay(TimeSpan.FromSeconds(retryAfter + 0.2), _timeout);
        using var later = await client.SignInAsync(user, DemoMailServer.TestPassword, cancellationToken: _timeout);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
    }

    [Fact]
    public async Task SignIn_MailServerRefusesOneConnectionTooMany_SaysSo_NotWrongPassword_AndDoesNotCountAsAFailure()
    {
        using var relay = new TcpRelay(DemoMailServer.ImapsPort, DemoMailServer.ConnectionLimitedAddress);
        await using var app = WebMailAppFactory.With(new()
        {
            ["Mail:Domains:0:Imap:Port"] = relay.Port.ToString(),
            ["SignIn:MaxFailuresPerAccount"] = "2",
        });
        var user = DemoMailServer.NewTestAccount("limit");
        // The user's phone and desktop mail program hold the two connections the server allows from this address.
        var domain = DemoMailServer.DomainOptions();
        domain.Imap!.Port = relay.Port;
        var clients = new MailTestClients(output, domain);
        using var phone = await clients.ImapAsync(user, DemoMailServer.TestPassword, _timeout);
        var desktop = await clients.ImapAsync(user, DemoMailServer.TestPassword, _timeout);
        using var client = new SignInClient(app);

        for (var i = 0; i < 3; i++)
        {
            using var refused = await client.SignInAsync(user, DemoMailServer.TestPassword, cancellationToken: _timeout);
            await AssertProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "too many connections");
        }

        // One closed: the right password signs in (the refusals above were not counted as wrong passwords).
        await desktop.DisconnectAsync(quit: true, _timeout);
        desktop.Dispose();
        using var signedIn = await client.SignInAsync(user, DemoMailServer.TestPassword, cancellationToken: _timeout);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Session_IdleLongerThanTheTimeout_EndsAndLeadsToSignIn()
    {
        await using var app = WebMailAppFactory.With(new() { ["Sessions:IdleTimeout"] = "00:00:04" });
        using var client = new SignInClient(app);
        await client.SignInAsync(DemoMailServer.NewTestAccount("idle"), DemoMailServer.TestPassword, cancellationToken: _timeout);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", _timeout)).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(5), _timeout);
        using var response = await client.GetAsync("/", _timeout);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
        Assert.Equal(0, SessionCount(app));
    }

    [Fact]
    public async Task Session_OlderThanTheAbsoluteTimeout_EndsEvenWhileBusy()
    {
        await using var app = WebMailAppFactory.With(new() { ["Sessions:AbsoluteTimeout"] = "00:00:02" });
        using var client = new SignInClient(app);
        await client.SignInAsync(DemoMailServer.NewTestAccount("absolute"), DemoMailServer.TestPassword, cancellationToken: _timeout);
        for (var i = 0; i < 5; i++)
        {
            await client.GetAsync("/", _timeout);
            await Task.Delay(500, _timeout);
        }

        using var response = await client.GetAsync("/", _timeout);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Session_NeverVisitedAgain_IsEndedByTheSweep()
    {
        await using var app = WebMailAppFactory.With(new()
        {
            ["Sessions:IdleTimeout"] = "00:00:03",
            ["Sessions:SweepInterval"] = "00:00:00.500",
        });
        using var client = new SignInClient(app);
        await client.SignInAsync(DemoMailServer.NewTestAccount("sweep"), DemoMailServer.TestPassword, cancellationToken: _timeout);
        Assert.Equal(1, SessionCount(app));

        await Task.Delay(TimeSpan.FromSeconds(4.5), _timeout);

        Assert.Equal(0, SessionCount(app));
    }

    private static int SessionCount(WebMailAppFactory app) =>
        ((WebMail.Server.Mail.Sessions.UserSessionStore)app.Services.GetService(typeof(WebMail.Server.Mail.Sessions.UserSessionStore))!).Count;

    private async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string text)
    {
        Assert.Equal(status, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(_timeout));
        var shown = System.Text.RegularExpressions.Regex.Match(page, "<div class=\"alert alert-danger\".*?</div>").Value;
        Assert.True(shown.Contains(text, StringComparison.Ordinal), $"expected \"{text}\", the page says: {shown}");
        Assert.DoesNotContain("Exception", page);
    }
}
