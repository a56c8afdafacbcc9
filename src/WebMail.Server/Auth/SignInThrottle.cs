using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace WebMail.Server.Auth;

/// <summary>
/// Counts wrong passwords per account and per client address in a sliding window. While either is over its
/// limit every attempt is refused before the mail server is asked, so even the right password waits.
/// </summary>
public sealed class SignInThrottle(IOptionsMonitor<SignInThrottleOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long until an attempt is allowed, or null when it is allowed now.</summary>
    public TimeSpan? RetryAfter(string account, string clientAddress)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();
        var wait = Max(
            WaitFor(AccountKey(account), settings.MaxFailuresPerAccount, settings.Window, now),
            WaitFor(AddressKey(clientAddress), settings.MaxFailuresPerClientAddress, settings.Window, now));
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void RecordFailure(string account, string clientAddress)
    {
        var now = clock.GetUtcNow();
        Record(AccountKey(account), now);
        Record(AddressKey(clientAddress), now);
        if (_failures.Count > 10_000)
        {
            ForgetOld(now - options.CurrentValue.Window);
        }
    }

    public void RecordSuccess(string account) => _failures.TryRemove(AccountKey(account), out _);

    private TimeSpan WaitFor(string key, int limit, TimeSpan window, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var times))
        {
            return TimeSpan.Zero;
        }

        lock (times)
        {
            while (times.Count > 0 && times.Peek() <= now - window)
            {
                times.Dequeue();
            }

            // Allowed again once enough failures have left the window to be under the limit.
            return times.Count < limit ? TimeSpan.Zero : times.ElementAt(times.Count - limit) + window - now;
        }
    }

    private void Record(string key, DateTimeOffset now)
    {
        var times = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            times.Enqueue(now);
        }
    }

    private void ForgetOld(DateTimeOffset before)
    {
        foreach (var (key, times) in _failures)
        {
            lock (times)
            {
                if (times.Count == 0 || times.Last() <= before)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }

    private static string AccountKey(string account) => "account:" + account;

    private static string AddressKey(string clientAddress) => "client:" + clientAddress;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
