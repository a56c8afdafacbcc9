using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;
using WebMail.Server.Auth;
using WebMail.Server.Mail.Sessions;
using WebMail.Server.Mail.Smtp;

namespace WebMail.Server.Hosting;

/// <summary>
/// What instances of the webmail share. With <c>ConnectionStrings:Redis</c> set, the Data Protection key ring
/// (cookies, antiforgery tokens, the sessions' encrypted records and drafts), encrypted itself with a certificate
/// kept outside Redis (<see cref="KeyRingProtection"/>), and the session records and drafts live in Redis, so any
/// instance can carry on a session. Without it, sessions live in this process only (one instance).
/// </summary>
public static class SharedStateRegistration
{
    public const string RedisConnectionName = "Redis";

    /// <summary>Where the key ring lives in Redis.</summary>
    public const string DataProtectionKey = "webmail:data-protection-keys";

    /// <summary>Prefix of the session and draft entries in Redis.</summary>
    public const string SessionKeyPrefix = "webmail:";

    /// <summary>Where one instance keeps sent messages during their undo delay, so a restart does not lose them.</summary>
    public const string OutboxFolderKey = "Compose:OutboxFolder";

    private static string DefaultOutboxFolder()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(data.Length > 0 ? data : Path.GetTempPath(), "WebMail", "outbox");
    }

    public static WebApplicationBuilder AddWebMailSharedState(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var dataProtection = services.AddDataProtection().SetApplicationName("WebMail");
        if (builder.Configuration.GetConnectionString(RedisConnectionName) is { Length: > 0 } redisConfiguration)
        {
            var redis = new LazyRedisConnection(RedisOptions(redisConfiguration));
            services.AddSingleton(redis);
            dataProtection.PersistKeysToStackExchangeRedis(() => redis.Connection.GetDatabase(), DataProtectionKey)
                .ProtectKeysAsConfigured(builder.Configuration, keysLeaveTheProcess: true);
            services.AddStackExchangeRedisCache(options =>
            {
                options.InstanceName = SessionKeyPrefix;
                options.ConnectionMultiplexerFactory = () => Task.FromResult(redis.Connection);
            });
            services.AddSingleton<ISharedSessionRecords, DistributedSessionRecords>();
            services.AddSingleton<ISignInThrottle, SharedSignInThrottle>();
            services.AddSingleton<IHeldMessageStore, RedisHeldMessageStore>();
            return builder;
        }

        if (builder.Configuration["DataProtection:KeysFolder"] is { Length: > 0 } keysFolder)
        {
            // Keys that survive a restart keep users signed in across deployments; without it they live in the user profile.
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
        }

        dataProtection.ProtectKeysAsConfigured(builder.Configuration, keysLeaveTheProcess: false);

        services.AddSingleton<ISharedSessionRecords, InProcessSessionRecords>();
        services.AddSingleton<ISignInThrottle>(sp => sp.GetRequiredService<SignInThrottle>());
        var outboxFolder = builder.Configuration[OutboxFolderKey] is { Length: > 0 } configured ? configured : DefaultOutboxFolder();
        services.AddSingleton<IHeldMessageStore>(sp => new FolderHeldMessageStore(outboxFolder, sp.GetRequiredService<IDataProtectionProvider>()));
        return builder;
    }

    private static ConfigurationOptions RedisOptions(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        // Start (and keep serving signed-in users) while Redis is down; reconnect by itself when it is back.
        options.AbortOnConnectFail = false;
        // While it is down, fail at once (a clear message to the user) rather than queue commands for seconds.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 5_000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 5_000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 5_000);
        options.ClientName ??= "webmail";
        return options;
    }

    /// <summary>One Redis connection for the process, opened on first use (not while services are registered).</summary>
    public sealed class LazyRedisConnection(ConfigurationOptions options) : IDisposable
    {
        private readonly Lazy<IConnectionMultiplexer> _connection = new(() => ConnectionMultiplexer.Connect(options));

        public IConnectionMultiplexer Connection => _connection.Value;

        public void Dispose()
        {
            if (_connection.IsValueCreated)
            {
                _connection.Value.Dispose();
            }
        }
    }
}
