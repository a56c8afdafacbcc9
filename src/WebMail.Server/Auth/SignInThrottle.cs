using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace WebMail.Server.Auth;

/// <summary>
/// Counts wrong passwords per client address and per account in a sliding window, and attempts still waiting for
/// the mail server's answer as if they had failed, so parallel guesses cannot all pass the check before the first
/// failure is recorded. The address limit comes first. The account limit applies only to addresses that have failed
/// or are trying right now: a student whose number someone else is guessing still signs in from their own device
/// (as large providers do), while the guesser's address is held to the account's few attempts.
/// </summary>
public sealed class SignInThrottle(IOptionsMonitor<SignInThrottleOptions> options, TimeProvider clock) : ISignInThrottle
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Starts an attempt when it is allowed now (dispose it when the mail server has answered, after
    /// <see cref="SignInAttempt.Failed"/> or <see cref="SignInAttempt.Succeeded"/>); otherwise null and how long to wait.
    /// </summary>
    public SignInAttempt? TryBegin(string account, string clientAddress, out TimeSpan wait)
    {
        var (accountKey, addressKey) = (AccountKey(account), AddressKey(clientAddress));
        lock (_gate)
        {
            wait = WaitLocked(accountKey, addressKey);
            if (wait > TimeSpan.Zero)
            {
                return null;
            }

            BucketFor(accountKey).InFlight++;
            BucketFor(addressKey).InFlight++;
            return new SignInAttempt(this, accountKey, addressKey);
        }
    }

    public Task<(ISignInAttempt? Attempt, TimeSpan Wait)> TryBeginAsync(string account, string clientAddress, CancellationToken cancellationToken)
    {
        var attempt = TryBegin(account, clientAddress, out var wait);
        return Task.FromResult<(ISignInAttempt?, TimeSpan)>((attempt, wait));
    }

    /// <summary>The key an address is counted under: IPv6 clients by their /64, which one device or home can fill.</summary>
    public static string AddressKey(string clientAddress)
    {
        if (!IPAddress.TryParse(clientAddress, out var address))
        {
            return "client:" + clientAddress;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return "client:" + new IPAddress(bytes) + "/64";
        }

        return "client:" + address;
    }

    private void ClearFailures(string key)
    {
        lock (_gate)
        {
            if (_buckets.TryGetValue(key, out var bucket))
            {
                bucket.Failures.Clear();
            }
        }
    }

    private void RecordFailureLocked(string accountKey, string addressKey)
    {
        var now = clock.GetUtcNow();
        BucketFor(accountKey).Failures.Enqueue(now);
        BucketFor(addressKey).Failures.Enqueue(now);
        if (_buckets.Count > 10_000)
        {
            ForgetOldLocked(now - options.CurrentValue.Window);
        }
    }

    private void End(string accountKey, string addressKey, bool failed)
    {
        lock (_gate)
        {
            if (failed)
            {
                RecordFailureLocked(accountKey, addressKey);
            }

            BucketFor(accountKey).InFlight--;
            BucketFor(addressKey).InFlight--;
        }
    }

    private TimeSpan WaitLocked(string accountKey, string addressKey)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();
        var addressWait = WaitForLocked(addressKey, settings.MaxFailuresPerClientAddress, settings.Window, now);
        var addressIsTrying = _buckets.TryGetValue(addressKey, out var address) && (address.Failures.Count > 0 || address.InFlight > 0);
        var accountWait = addressIsTrying ? WaitForLocked(accountKey, settings.MaxFailuresPerAccount, settings.Window, now) : TimeSpan.Zero;
        return addressWait > accountWait ? addressWait : accountWait;
    }

    private TimeSpan WaitForLocked(string key, int limit, TimeSpan window, DateTimeOffset now)
    {
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            return TimeSpan.Zero;
        }

        var times = bucket.Failures;
        while (times.Count > 0 && times.Peek() <= now - window)
        {
            times.Dequeue();
        }

        if (times.Count + bucket.InFlight < limit)
        {
            return TimeSpan.Zero;
        }

        // Allowed again once enough failures have left the window; attempts in flight end within the mail server's
        // timeout, so while they hold the place a second is the honest answer.
        return times.Count >= limit ? times.ElementAt(times.Count - limit) + window - now : TimeSpan.FromSeconds(1);
    }

    private Bucket BucketFor(string key)
    {
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            _buckets[key] = bucket = new Bucket();
        }

        return bucket;
    }

    private void ForgetOldLocked(DateTimeOffset before)
    {
        foreach (var (key, bucket) in _buckets.ToList())
        {
            if (bucket.InFlight == 0 && (bucket.Failures.Count == 0 || bucket.Failures.Last() <= before))
            {
                _buckets.Remove(key);
            }
        }
    }

    /// <summary>The key an account is counted under (case does not make another account).</summary>
    public static string AccountKey(string account) => "account:" + account.ToLowerInvariant();

    private sealed class Bucket
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        public int InFlight { get; set; }
    }

    /// <summary>One sign-in waiting for the mail server; counted as a failure until it is known not to be one.</summary>
    public sealed class SignInAttempt : ISignInAttempt, IDisposable
    {
        private readonly SignInThrottle _throttle;
        private readonly string _accountKey;
        private readonly string _addressKey;
        private bool _failed;
        private int _ended;

        internal SignInAttempt(SignInThrottle throttle, string accountKey, string addressKey) =>
            (_throttle, _accountKey, _addressKey) = (throttle, accountKey, addressKey);

        /// <summary>The password was wrong: counted once the attempt is disposed.</summary>
        public void Failed() => _failed = true;

        /// <summary>The password was right: the account's failures are forgotten.</summary>
        public void Succeeded() => _throttle.ClearFailures(_accountKey);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                _throttle.End(_accountKey, _addressKey, _failed);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
