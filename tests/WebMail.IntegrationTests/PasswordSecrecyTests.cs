using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebMail.Server.Hosting;
using WebMail.Testing;

namespace WebMail.IntegrationTests;

/// <summary>The password never leaves the server's memory: not in logs at any level, responses, or the cookie.</summary>
public sealed class PasswordSecrecyTests
{
    private const string KnownPassword = "test-demo";
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task SignInUseAndSignOut_EveryLogLineAndResponse_NeverContainsThePassword()
    {
        Assert.Equal(KnownPassword, DemoMailServer.TestPassword);
        await using var app = WebMailServerFactory.WithManagementPort(WebMailServerFactory.PlainHttpCookies());
        using var client = new SignInClient(app);
        using var management = new HttpClient { BaseAddress = app.ManagementAddress };
        var user = DemoMailServer.NewTestAccount("secret");

        await client.SignInAsync(user, "test-demo-but-wrong", cancellationToken: _timeout);
        await client.SignInAsync(user, KnownPassword, reading: "Pop3", cancellationToken: _timeout);
        await client.SignInAsync(user, KnownPassword, reading: "Imap", cancellationToken: _timeout);
        await client.GetPageAsync("/", _timeout);
        await client.GetPageAsync("/status", _timeout);
        Assert.DoesNotContain(KnownPassword, await management.GetStringAsync("/health/ready", _timeout));
        Assert.DoesNotContain(KnownPassword, await management.GetStringAsync("/metrics", _timeout));
        await client.SignOutAsync(_timeout);

        Assert.NotEmpty(app.Logs.Lines);
        Assert.Contains(app.Logs.Lines, line => line.Contains(user, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(KnownPassword, StringComparison.Ordinal));
        Assert.True(client.Responses.Count >= 7);
        Assert.DoesNotContain(client.Responses, response => response.Contains(KnownPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SessionCookie_ProductionDefaults_SecureHostPrefixedAndCarriesOnlyTheSessionId()
    {
        await using var app = new WebMailAppFactory();
        using var client = new SignInClient(app);

        using var response = await client.SignInAsync(DemoMailServer.NewTestAccount("cookie"), KnownPassword, cancellationToken: _timeout);

        const string name = AuthenticationRegistration.SecureCookieName + "=";
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name, StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        // What browsers require of a __Host- cookie: Secure, Path=/ and no Domain.
        Assert.Contains("; secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/;", setCookie + ";", StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        var cookieOptions = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var ticket = cookieOptions.TicketDataFormat.Unprotect(setCookie.Split(';')[0][name.Length..]);
        var claim = Assert.Single(ticket!.Principal.Claims);
        Assert.Equal("sid", claim.Type);
        Assert.True(claim.Value.Length >= 40, "the session id is long and random");
    }
}
