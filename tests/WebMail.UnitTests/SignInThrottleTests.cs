using Microsoft.Extensions.Options;
using WebMail.Server.Auth;
using WebMail.Testing;

namespace WebMail.UnitTests;

public sealed class SignInThrottleTests
{
    private readonly ManualClock _clock = new();
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests()
    {
        var options = new SignInThrottleOptions { MaxFailuresPerAccount = 3, MaxFailuresPerClientAddress = 5, Window = TimeSpan.FromSeconds(60) };
        _throttle = new SignInThrottle(new OptionsMonitorStub<SignInThrottleOptions>(options), _clock);
    }

    [Fact]
    public void RetryAfter_BelowTheLimit_AllowsAttempts()
    {
        Fail("alice@school.test", "10.0.0.1", times: 2);

        Assert.Null(RetryAfter("alice@school.test", "10.0.0.1"));
    }

    [Fact]
    public void RetryAfter_AccountAtTheLimit_WaitsUntilTheOldestFailureLeavesTheWindow()
    {
        Fail("alice@school.test", "10.0.0.1", times: 1);
        _clock.Advance(TimeSpan.FromSeconds(20));
        Fail("alice@school.test", "10.0.0.2", times: 2);

        Assert.Equal(TimeSpan.FromSeconds(40), RetryAfter("ALICE@school.test", "10.0.0.2"));
        _clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Null(RetryAfter("alice@school.test", "10.0.0.2"));
    }

    [Fact]
    public void RetryAfter_ClientAddressAtItsLimit_BlocksEveryAccountFromIt()
    {
        for (var i = 0; i < 5; i++)
        {
            Fail($"user{i}@school.test", "10.0.0.1", times: 1);
        }

        Assert.NotNull(RetryAfter("someone-else@school.test", "10.0.0.1"));
        Assert.Null(RetryAfter("someone-else@school.test", "10.0.0.2"));
    }

    [Fact]
    public void Succeeded_ClearsTheAccountsFailures()
    {
        Fail("alice@school.test", "10.0.0.1", times: 2);

        using (var attempt = _throttle.TryBegin("alice@school.test", "10.0.0.1", out _))
        {
            attempt!.Succeeded();
        }

        Fail("alice@school.test", "10.0.0.1", times: 2);

        Assert.Null(RetryAfter("alice@school.test", "10.0.0.3"));
    }

    [Fact]
    public void RetryAfter_AccountLockedByGuessesFromElsewhere_AnAddressWithNoFailuresStillTries()
    {
        // Someone guessing a student's (easily guessed) number must not lock the student out of their own device.
        Fail("2023001@school.test", "10.0.0.66", times: 3);

        Assert.NotNull(RetryAfter("2023001@school.test", "10.0.0.66"));
        Assert.Null(RetryAfter("2023001@school.test", "10.0.0.7"));
    }

    [Fact]
    public async Task TryBegin_FiftyConcurrentAttempts_OnlyTheAccountLimitReachTheMailServer()
    {
        var started = new System.Collections.Concurrent.ConcurrentBag<SignInThrottle.SignInAttempt>();
        await Parallel.ForAsync(0, 50, (_, _) =>
        {
            if (_throttle.TryBegin("alice@school.test", "10.0.0.1", out _) is { } attempt)
            {
                started.Add(attempt);
            }

            return ValueTask.CompletedTask;
        });

        Assert.Equal(3, started.Count);
        foreach (var attempt in started)
        {
            attempt.Failed();
            attempt.Dispose();
        }

        Assert.Equal(TimeSpan.FromSeconds(60), RetryAfter("alice@school.test", "10.0.0.1"));
    }

    [Fact]
    public void TryBegin_AttemptThatSucceeded_FreesItsPlaceAndTheAccountsFailures()
    {
        Fail("alice@school.test", "10.0.0.1", times: 2);
        using (var attempt = _throttle.TryBegin("alice@school.test", "10.0.0.1", out _))
        {
            Assert.NotNull(attempt);
            Assert.NotNull(RetryAfter("alice@school.test", "10.0.0.1"));
            attempt.Succeeded();
        }

        Assert.Null(RetryAfter("alice@school.test", "10.0.0.1"));
    }

    [Theory]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2:bbbb:cccc:dddd:eeee", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("::ffff:10.0.0.1", "10.0.0.1", true)]
    [InlineData("10.0.0.1", "10.0.0.2", false)]
    public void AddressKey_IPv6CountsPerSlash64(string first, string second, bool same) =>
        Assert.Equal(same, SignInThrottle.AddressKey(first) == SignInThrottle.AddressKey(second));

    [Fact]
    public void RetryAfter_GuessesFromAddressesOfOneIPv6Slash64_AreCountedTogether()
    {
        for (var i = 1; i <= 5; i++)
        {
            Fail($"user{i}@school.test", $"2001:db8:1:2::{i:x}", times: 1);
        }

        Assert.NotNull(RetryAfter("other@school.test", "2001:db8:1:2::99"));
        Assert.Null(RetryAfter("other@school.test", "2001:db8:1:3::1"));
    }

    /// <summary>How long until an attempt is allowed, or null when it is allowed now (asked the way sign-in asks).</summary>
    private TimeSpan? RetryAfter(string account, string client)
    {
        using var attempt = _throttle.TryBegin(account, client, out var wait);
        return attempt is null ? wait : null;
    }

    private void Fail(string account, string client, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var attempt = _throttle.TryBegin(account, client, out _);
            Assert.NotNull(attempt);
            attempt.Failed();
        }
    }
}
