using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using WebMail.Client.Services;
using WebMail.Server.Hosting;
using WebMail.Server.Mail.Sessions;
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
    public async Task RedisDump_Alone_RevealsNoPasswordDraftAddressOrSessionId()
    {
        const string draftText = "期末考试答案 draft-marker-7d1f";
        await using var app = Instance();
        using var client = new SignInClient(app);
        var user = DemoMailServer.NewTestAccount("redis-secrets");
        using var signedIn = await client.SignInAsync(user, DemoMailServer.TestPassword, "Imap", _timeout);
        var sessionId = SessionCookieOf(signedIn).Split('=', 2)[1];
        var store = app.Services.GetRequiredService<UserSessionStore>();
        var session = store.ForAddress(user).Single();
        await app.Services.GetRequiredService<ISharedSessionRecords>().SaveDraftAsync(
            session.Id, session.CreatedAt, new DraftRecord(new OutgoingMessage("bob@school.test", "", "", "Exam", draftText, []), null), _timeout);

        var dump = await DumpAsync();

        // What a copy of Redis holds: the key ring, one session record and one draft, none readable as text.
        Assert.Contains(SharedStateRegistration.DataProtectionKey, dump.Keys);
        Assert.Contains(dump.Keys, k => k.StartsWith(SharedStateRegistration.SessionKeyPrefix + "session:", StringComparison.Ordinal));
        Assert.Contains(dump.Keys, k => k.StartsWith(SharedStateRegistration.SessionKeyPrefix + "draft:", StringComparison.Ordinal));
        foreach (var (key, values) in dump)
        {
            foreach (var text in values.Append(key))
            {
                Assert.DoesNotContain(DemoMailServer.TestPassword, text, StringComparison.Ordinal);
                Assert.DoesNotContain(sessionId[..40], text, StringComparison.Ordinal);
                Assert.DoesNotContain("draft-marker-7d1f", text, StringComparison.Ordinal);
                Assert.DoesNotContain(user, text, StringComparison.Ordinal);
            }
        }

        // The key ring is there, but encrypted to the certificate, which is not in Redis: its master key is not.
        var keyRing = string.Join("\n", dump[SharedStateRegistration.DataProtectionKey]);
        Assert.Contains("EncryptedData", keyRing, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", keyRing, StringComparison.Ordinal);

        // Someone with the dump and the app's code but not the certificate cannot open the session record.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.ConnectionString(_redis));
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("WebMail")
            .PersistKeysToStackExchangeRedis(() => redis.GetDatabase(), SharedStateRegistration.DataProtectionKey);
        using var provider = services.BuildServiceProvider();
        var attacker = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("WebMail.SharedSessionRecord.v1");
        var sealedRecord = (byte[])(await redis.GetDatabase().HashGetAsync(dump.Keys.First(k => k.Contains("session:", StringComparison.Ordinal)), "data"))!;
        Assert.ThrowsAny<CryptographicException>(() => attacker.Unprotect(sealedRecord));
    }

    [Fact]
    public async Task SignedInOnTwoInstances_EachListsBoth_AndSignOutEverywhereElseReachesTheOther()
    {
        await using var first = Instance(quickRenewal: true);
        await using var second = Instance(quickRenewal: true);
        var user = DemoMailServer.NewTestAccount("devices-shared");
        using var lab = new SignInClient(first);
        lab.Http.DefaultRequestHeaders.UserAgent.ParseAdd(SignedInDevicesTests.LabComputer);
        await lab.SignInAsync(user, DemoMailServer.TestPassword, "Imap", _timeout);
        using var phone = new SignInClient(second);
        phone.Http.DefaultRequestHeaders.UserAgent.ParseAdd(SignedInDevicesTests.Phone);
        await phone.SignInAsync(user, DemoMailServer.TestPassword, "Imap", _timeout);
        var store = second.Services.GetRequiredService<UserSessionStore>();
        var onPhone = store.ForAddress(user).Single();

        var listed = await store.ListForAsync(onPhone, _timeout);
        Assert.Equal(["WeChat · Android", "Chrome · Windows"], listed.Select(s => s.Device));

        Assert.Equal(1, await store.EndOthersAsync(onPhone, _timeout));

        // The first instance lets go of the lab session at its next renewal of the shared record (every few seconds here).
        await Task.Delay(UserSessionRenewal + TimeSpan.FromMilliseconds(500), _timeout);
        using (await lab.GetAsync("/", _timeout))
        {
        }

        using var labPage = await lab.GetAsync("/", _timeout);
        Assert.Equal(HttpStatusCode.Redirect, labPage.StatusCode);
        Assert.Equal("/signin", labPage.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/", _timeout)).StatusCode);
    }

    [Fact]
    public async Task Redis_WithoutKeyEncryptionCertificate_RefusesToStart()
    {
        var settings = KeyEncryptionCertificate.RedisSettings(RedisServer.ConnectionString(_redis));
        settings.Remove(KeyRingProtection.CertificateKey);
        await using var app = WebMailAppFactory.With(settings);

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(KeyRingProtection.CertificateKey, failure.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Every key in Redis with its values as text (strings, hashes, lists), as a dump would hold them.</summary>
    private async Task<Dictionary<string, List<string>>> DumpAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.ConnectionString(_redis));
        var database = redis.GetDatabase();
        var dump = new Dictionary<string, List<string>>();
        foreach (var key in redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: "*"))
        {
            dump[key.ToString()] = await database.KeyTypeAsync(key) switch
            {
                RedisType.Hash => (await database.HashGetAllAsync(key)).Select(e => e.Value.ToString()).ToList(),
                RedisType.List => (await database.ListRangeAsync(key)).Select(v => v.ToString()).ToList(),
                RedisType.String => [(await database.StringGetAsync(key)).ToString()],
                _ => [],
            };
        }

        return dump;
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
    /// <summary>
    /// Short, so the tests see a sign-out elsewhere within seconds, but not so short that a record lapses while a test
    /// is busy elsewhere: with 4 s, a second instance's start and sign-in under CI's load took longer than that, and the
    /// first instance's idle session had expired from the store before it was listed.
    /// </summary>
    private static readonly TimeSpan QuickIdleTimeout = TimeSpan.FromSeconds(12);

    /// <summary>How often an instance renews (and so checks) a shared record: a quarter of the idle timeout.</summary>
    private static TimeSpan UserSessionRenewal => QuickIdleTimeout / 4;

    /// <param name="quickRenewal">A short idle timeout, so the shared record is renewed (and a sign-out elsewhere noticed) every few seconds.</param>
    private WebMailAppFactory Instance(bool quickRenewal = false)
    {
        var settings = KeyEncryptionCertificate.RedisSettings(RedisServer.ConnectionString(_redis));
        settings["Sessions:IdleTimeout"] = (quickRenewal ? QuickIdleTimeout : TimeSpan.FromMinutes(30)).ToString("c");
        return WebMailAppFactory.With(settings);
    }

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
