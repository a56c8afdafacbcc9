using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using StackExchange.Redis;
using WebMail.Server.Hosting;
using WebMail.Testing;

namespace WebMail.IntegrationTests;

/// <summary>
/// Two instances of the webmail sharing a real Redis (Debian's redis-server, started by the test): a session
/// started on one is carried on by the other, signing out anywhere ends it everywhere, and Redis being down is a
/// clear message at sign-in while users already signed in keep working.
/// </summary>
public sealed class SharedSessionTests : IAsyncLifetime
{
    private const string SessionCookie = AuthenticationRegistration.SecureCookieName;

    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;
    private LocalServerProcess _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task SessionStartedOnOneInstance_IsCarriedOnByAnother_AndSignOutEndsItOnBoth()
    {
        await using var first = Instance(quickRenewal: true);
        using var signIn = new SignInClient(first);
        var user = DemoMailServer.NewTestAccount("shared");
        using var signedIn = await signIn.SignInAsync(user, DemoMailServer.TestPassword, "Imap", _timeout);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = SessionCookieOf(signedIn);

        await using var second = Instance(quickRenewal: true);
        using var onSecond = ClientWithCookie(second, cookie);
        var home = await onSecond.GetStringAsync("/", _timeout);
        Assert.Matches($"id=\"signed-in-user\"[^>]*>{user}<", home);

        // Sign out on the second; the first, which still holds the session, lets it go at its next renewal.
        var signOut = SignInClient.HiddenFields(WebUtility.HtmlDecode(home), "signout");
        using var signedOut = await onSecond.PostAsync("/account/signout", new FormUrlEncodedContent(signOut), _timeout);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        await Task.Delay(UserSessionRenewal + TimeSpan.FromMilliseconds(500), _timeout);
        using var onFirst = ClientWithCookie(first, cookie);
        using var first1 = await onFirst.GetAsync("/", _timeout);
        using var first2 = await onFirst.GetAsync("/", _timeout);
        Assert.Equal(HttpStatusCode.Redirect, first2.StatusCode);
        Assert.Equal("/signin", first2.Headers.Location!.AbsolutePath);
        await using var third = Instance(quickRenewal: true);
        using var onThird = ClientWithCookie(third, cookie);
        using var third1 = await onThird.GetAsync("/", _timeout);
        Assert.Equal(HttpStatusCode.Redirect, third1.StatusCode);
    }

    [Fact]
    public async Task Redis_HoldsNoPasswordAndNoSessionId_InTheClear()
    {
        await using var app = Instance();
        using var client = new SignInClient(app);
        using var signedIn = await client.SignInAsync(DemoMailServer.NewTestAccount("redis-secrets"), DemoMailServer.TestPassword, "Imap", _timeout);
        var sessionId = SessionCookieOf(signedIn);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.ConnectionString(_redis));
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var keys = server.Keys(pattern: "*").Select(k => k.ToString()).ToList();
        Assert.Contains(SharedStateRegistration.DataProtectionKey, keys);
        Assert.Contains(keys, k => k.StartsWith(SharedStateRegistration.SessionKeyPrefix + "session:", StringComparison.Ordinal));
        foreach (var key in keys)
        {
            var type = await redis.GetDatabase().KeyTypeAsync(key);
            var values = type == RedisType.Hash
                ? (await redis.GetDatabase().HashGetAllAsync(key)).Select(e => e.Value.ToString())
                : type == RedisType.List ? (await redis.GetDatabase().ListRangeAsync(key)).Select(v => v.ToString()) : [];
            foreach (var text in values.Append(key))
            {
                Assert.DoesNotContain(DemoMailServer.TestPassword, text, StringComparison.Ordinal);
                Assert.DoesNotContain(sessionId.Split('=', 2)[1][..40], text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task RedisDown_SignInSaysSo_SignedInUsersKeepWorking_AndSignInWorksWhenItIsBack()
    {
        await using var app = Instance();
        using var alreadyIn = new SignInClient(app);
        var user = DemoMailServer.NewTestAccount("redis-down");
        using var signedIn = await alreadyIn.SignInAsync(user, DemoMailServer.TestPassword, "Imap", _timeout);
        await using var other = Instance();
        using var onOther = ClientWithCookie(other, SessionCookieOf(signedIn));
        using (await other.CreateClient().GetAsync("/signin", _timeout))
        {
            // The other instance is up and has read the key ring, as in a running deployment.
        }

        using var newcomer = new SignInClient(app);
        var form = await newcomer.GetFormFieldsAsync("/signin", "signin", _timeout);
        await _redis.StopAsync();

        // The user's own instance went away: the other cannot look the session up, says so, and keeps the cookie.
        using var redirected = await onOther.GetAsync("/", _timeout);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Equal("/signin", redirected.Headers.Location!.AbsolutePath);
        Assert.False(redirected.Headers.Contains("Set-Cookie"));
        Assert.Contains("data-problem=\"SessionStoreUnavailable\"", await onOther.GetStringAsync(redirected.Headers.Location, _timeout));

        form["Input.UserName"] = DemoMailServer.NewTestAccount("redis-down-new");
        form["Input.Password"] = DemoMailServer.TestPassword;
        using var refused = await newcomer.PostAsync("/signin", form, _timeout);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("data-problem=\"SessionStoreUnavailable\"", await refused.Content.ReadAsStringAsync(_timeout));
        Assert.DoesNotContain(refused.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith(SessionCookie + "=", StringComparison.Ordinal));
        Assert.Matches($"id=\"signed-in-user\"[^>]*>{user}<", await alreadyIn.GetPageAsync("/", _timeout));

        await _redis.StartAsync();
        using var later = new SignInClient(app);
        using var accepted = await SignInWhenRedisIsBackAsync(later);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    /// <summary>Renewal interval of the shared record with the idle timeout these instances use.</summary>
    private static TimeSpan UserSessionRenewal => TimeSpan.FromSeconds(1);

    /// <param name="quickRenewal">An idle timeout of 4 s, so the shared record is renewed (and a sign-out elsewhere noticed) every second.</param>
    private WebMailAppFactory Instance(bool quickRenewal = false) => WebMailAppFactory.With(new()
    {
        ["ConnectionStrings:" + SharedStateRegistration.RedisConnectionName] = RedisServer.ConnectionString(_redis),
        ["Sessions:IdleTimeout"] = quickRenewal ? "00:00:04" : "00:30:00",
    });

    /// <summary>A browser-like client of <paramref name="app"/> that already has the session cookie another instance issued.</summary>
    private static HttpClient ClientWithCookie(WebMailAppFactory app, string cookie)
    {
        var cookies = new CookieContainer();
        var baseAddress = app.ClientOptions.BaseAddress;
        var (name, value) = (cookie.Split('=', 2)[0], cookie.Split('=', 2)[1]);
        cookies.Add(baseAddress, new Cookie(name, value));
        var client = app.CreateDefaultClient(baseAddress, new CookieContainerHandler(cookies));
        return client;
    }

    private static string SessionCookieOf(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(SessionCookie + "=", StringComparison.Ordinal)).Split(';')[0];

    private async Task<HttpResponseMessage> SignInWhenRedisIsBackAsync(SignInClient client)
    {
        // The Redis client reconnects on its own within a few seconds of the server being back.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await client.SignInAsync(DemoMailServer.NewTestAccount("redis-back"), DemoMailServer.TestPassword, "Imap", _timeout);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(500, _timeout);
        }
    }
}
