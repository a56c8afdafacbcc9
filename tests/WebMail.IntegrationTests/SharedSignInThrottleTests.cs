using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using WebMail.Server.Auth;
using WebMail.Server.Hosting;
using WebMail.Testing;

namespace WebMail.IntegrationTests;

/// <summary>
/// Sign-in counting shared through a real Redis: two instances count together, so a guesser behind a load balancer
/// gets the limit once, not once per instance; while Redis is down each instance still counts on its own.
/// </summary>
public sealed class SharedSignInThrottleTests : IAsyncLifetime
{
    private static readonly SignInThrottleOptions Limits = new() { MaxFailuresPerAccount = 3, MaxFailuresPerClientAddress = 10, Window = TimeSpan.FromMinutes(1) };
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private LocalServerProcess _redis = null!;
    private readonly List<IDisposable> _connections = [];

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        _connections.ForEach(c => c.Dispose());
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task FailuresOnOneInstance_LimitTheOther()
    {
        var (first, second) = (Instance(), Instance());

        for (var i = 0; i < Limits.MaxFailuresPerAccount; i++)
        {
            await FailAsync(i % 2 == 0 ? first : second, "s2026001@school.test", "10.1.0.1");
        }

        var (attempt, wait) = await second.TryBeginAsync("S2026001@school.test", "10.1.0.1", _timeout);
        Assert.Null(attempt);
        Assert.InRange(wait, TimeSpan.FromSeconds(1), Limits.Window);
    }

    [Fact]
    public async Task FiftyParallelAttemptsAcrossTwoInstances_AtMostTheLimitBegin()
    {
        var instances = new[] { Instance(), Instance() };

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            instances[i % 2].TryBeginAsync("s2026002@school.test", "10.1.0.2", _timeout)));

        Assert.Equal(Limits.MaxFailuresPerAccount, results.Count(r => r.Attempt is not null));
        foreach (var (attempt, _) in results)
        {
            if (attempt is not null)
            {
                await attempt.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task RightPassword_ClearsTheAccountsFailuresForEveryInstance()
    {
        var (first, second) = (Instance(), Instance());
        await FailAsync(first, "s2026003@school.test", "10.1.0.3");
        await FailAsync(first, "s2026003@school.test", "10.1.0.3");

        var (attempt, _) = await second.TryBeginAsync("s2026003@school.test", "10.1.0.3", _timeout);
        attempt!.Succeeded();
        await attempt.DisposeAsync();

        for (var i = 0; i < Limits.MaxFailuresPerAccount - 1; i++)
        {
            await FailAsync(first, "s2026003@school.test", "10.1.0.3");
        }

        Assert.NotNull((await first.TryBeginAsync("s2026003@school.test", "10.1.0.3", _timeout)).Attempt);
    }

    [Fact]
    public async Task StudentsOwnDevice_WhileOthersGuessTheirNumber_StillSignsIn()
    {
        var instance = Instance();
        for (var i = 0; i < Limits.MaxFailuresPerAccount; i++)
        {
            await FailAsync(instance, "s2026004@school.test", "10.1.0.66");
        }

        Assert.NotNull((await instance.TryBeginAsync("s2026004@school.test", "10.1.0.4", _timeout)).Attempt);
    }

    [Fact]
    public async Task RedisDown_EachInstanceStillCountsOnItsOwn()
    {
        var instance = Instance();
        await _redis.StopAsync();

        for (var i = 0; i < Limits.MaxFailuresPerAccount; i++)
        {
            await FailAsync(instance, "s2026005@school.test", "10.1.0.5");
        }

        Assert.Null((await instance.TryBeginAsync("s2026005@school.test", "10.1.0.5", _timeout)).Attempt);
    }

    [Fact]
    public async Task Redis_HoldsNeitherAccountNorClientAddress()
    {
        await FailAsync(Instance(), "s2026006@school.test", "10.1.0.6");

        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.ConnectionString(_redis));
        var keys = redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: "*").Select(k => k.ToString()).ToList();
        Assert.NotEmpty(keys);
        Assert.DoesNotContain(keys, k => k.Contains("2026006", StringComparison.Ordinal) || k.Contains("10.1.0.6", StringComparison.Ordinal));
    }

    private async Task FailAsync(ISignInThrottle throttle, string account, string client)
    {
        var (attempt, _) = await throttle.TryBeginAsync(account, client, _timeout);
        Assert.NotNull(attempt);
        attempt.Failed();
        await attempt.DisposeAsync();
    }

    private SharedSignInThrottle Instance()
    {
        var options = ConfigurationOptions.Parse(RedisServer.ConnectionString(_redis));
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        var connection = new SharedStateRegistration.LazyRedisConnection(options);
        _connections.Add(connection);
        var monitor = new OptionsMonitorStub<SignInThrottleOptions>(Limits);
        return new SharedSignInThrottle(connection, new SignInThrottle(monitor, TimeProvider.System), monitor, TimeProvider.System,
            NullLogger<SharedSignInThrottle>.Instance);
    }
}
