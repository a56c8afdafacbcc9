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

        Assert.Null(_throttle.RetryAfter("alice@school.test", "10.0.0.1"));
    }

    [Fact]
    public void RetryAfter_AccountAtTheLimit_WaitsUntilTheOldestFailureLeavesTheWindow()
    {
        Fail("alice@school.test", "10.0.0.1", times: 1);
        _clock.Advance(TimeSpan.FromSeconds(20));
        Fail("alice@school.test", "10.0.0.2", times: 2);

        Assert.Equal(TimeSpan.FromSeconds(40), _throttle.RetryAfter("ALICE@school.test", "10.0.0.9"));
        _clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Null(_throttle.RetryAfter("alice@school.test", "10.0.0.9"));
    }

    [Fact]
    public void RetryAfter_ClientAddressAtItsLimit_BlocksEveryAccountFromIt()
    {
        for (var i = 0; i < 5; i++)
        {
            Fail($"user{i}@school.test", "10.0.0.1", times: 1);
        }

        Assert.NotNull(_throttle.RetryAfter("someone-else@school.test", "10.0.0.1"));
        Assert.Null(_throttle.RetryAfter("someone-else@school.test", "10.0.0.2"));
    }

    [Fact]
    public void RecordSuccess_ClearsTheAccountsFailures()
    {
        Fail("alice@school.test", "10.0.0.1", times: 2);

        _throttle.RecordSuccess("alice@school.test");
        Fail("alice@school.test", "10.0.0.1", times: 2);

        Assert.Null(_throttle.RetryAfter("alice@school.test", "10.0.0.3"));
    }

    private void Fail(string account, string client, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _throttle.RecordFailure(account, client);
        }
    }
}
