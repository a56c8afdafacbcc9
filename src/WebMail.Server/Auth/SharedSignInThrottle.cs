using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WebMail.Server.Hosting;

namespace WebMail.Server.Auth;

/// <summary>
/// The same counting as <see cref="SignInThrottle"/>, kept in Redis so that every instance counts together: behind
/// a load balancer a guesser otherwise had the limit once per instance. The check and the start of an attempt are
/// one script, so parallel attempts on several instances cannot all pass before any is counted. Accounts and client
/// addresses are keyed by a SHA-256 hash. While Redis cannot be reached, each instance counts on its own.
/// </summary>
public sealed class SharedSignInThrottle(
    SharedStateRegistration.LazyRedisConnection redis, SignInThrottle local, IOptionsMonitor<SignInThrottleOptions> options,
    TimeProvider clock, ILogger<SharedSignInThrottle> logger) : ISignInThrottle
{
    /// <summary>An attempt's in-flight mark outlives an instance that died mid-attempt by no more than this.</summary>
    private static readonly TimeSpan InFlightLifetime = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(2);

    // KEYS: account failures, account in flight, address failures, address in flight.
    // ARGV: now (ms), window (ms), account limit, address limit, in-flight lifetime (ms). Returns the wait in ms, 0 = begun.
    private const string BeginScript = """
        local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
        local function wait(failures, inflight, limit)
          redis.call('ZREMRANGEBYSCORE', failures, '-inf', now - window)
          local count = redis.call('ZCARD', failures)
          local flying = tonumber(redis.call('GET', inflight) or '0')
          if count + flying < limit then return 0, count + flying end
          if count >= limit then
            local oldest = redis.call('ZRANGE', failures, count - limit, count - limit, 'WITHSCORES')
            return math.max(1, tonumber(oldest[2]) + window - now), count + flying
          end
          return 1000, count + flying
        end
        local addressWait, addressActivity = wait(KEYS[3], KEYS[4], tonumber(ARGV[4]))
        local accountWait = 0
        if addressActivity > 0 then accountWait = wait(KEYS[1], KEYS[2], tonumber(ARGV[3])) end
        local longest = math.max(addressWait, accountWait)
        if longest > 0 then return longest end
        for _, key in ipairs({KEYS[2], KEYS[4]}) do
          redis.call('INCR', key)
          redis.call('PEXPIRE', key, ARGV[5])
        end
        return 0
        """;

    // KEYS as above. ARGV: now (ms), window (ms), failed (1/0), succeeded (1/0), a unique member for the failure.
    private const string EndScript = """
        if ARGV[3] == '1' then
          for _, key in ipairs({KEYS[1], KEYS[3]}) do
            redis.call('ZADD', key, ARGV[1], ARGV[5])
            redis.call('PEXPIRE', key, ARGV[2])
          end
        end
        if ARGV[4] == '1' then redis.call('DEL', KEYS[1]) end
        for _, key in ipairs({KEYS[2], KEYS[4]}) do
          if redis.call('DECR', key) <= 0 then redis.call('DEL', key) end
        end
        return 0
        """;

    public async Task<(ISignInAttempt? Attempt, TimeSpan Wait)> TryBeginAsync(string account, string clientAddress, CancellationToken cancellationToken)
    {
        var keys = Keys(account, clientAddress);
        var settings = options.CurrentValue;
        try
        {
            var result = await redis.Connection.GetDatabase().ScriptEvaluateAsync(BeginScript, keys,
                [Now(), (long)settings.Window.TotalMilliseconds, settings.MaxFailuresPerAccount, settings.MaxFailuresPerClientAddress,
                    (long)InFlightLifetime.TotalMilliseconds]).WaitAsync(OperationTimeout, cancellationToken);
            var waitMs = (long)result;
            return waitMs > 0 ? (null, TimeSpan.FromMilliseconds(waitMs)) : (new Attempt(this, keys), TimeSpan.Zero);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning("Sign-in counting in Redis failed ({Problem}); this instance counts on its own for now", exception.GetType().Name);
            return await local.TryBeginAsync(account, clientAddress, cancellationToken);
        }
    }

    private async Task EndAsync(RedisKey[] keys, bool failed, bool succeeded)
    {
        try
        {
            await redis.Connection.GetDatabase().ScriptEvaluateAsync(EndScript, keys,
                [Now(), (long)options.CurrentValue.Window.TotalMilliseconds, failed ? 1 : 0, succeeded ? 1 : 0, Guid.NewGuid().ToString("N")])
                .WaitAsync(OperationTimeout);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // The in-flight marks expire on their own; a failure not recorded is one guess more, not a lock-out.
            logger.LogWarning("Ending a sign-in attempt in Redis failed ({Problem})", exception.GetType().Name);
        }
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static RedisKey[] Keys(string account, string clientAddress)
    {
        var (accountKey, addressKey) = (SharedStoreKey.Hash(SignInThrottle.AccountKey(account)), SharedStoreKey.Hash(SignInThrottle.AddressKey(clientAddress)));
        const string prefix = SharedStateRegistration.SessionKeyPrefix + "signin:";
        return [$"{prefix}{accountKey}:failures", $"{prefix}{accountKey}:inflight", $"{prefix}{addressKey}:failures", $"{prefix}{addressKey}:inflight"];
    }

    private sealed class Attempt(SharedSignInThrottle throttle, RedisKey[] keys) : ISignInAttempt
    {
        private bool _failed;
        private bool _succeeded;
        private int _ended;

        public void Failed() => _failed = true;

        public void Succeeded() => _succeeded = true;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                await throttle.EndAsync(keys, _failed, _succeeded);
            }
        }
    }
}
