using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using WebMail.Server.UserData;
using WebMail.Testing;

namespace WebMail.IntegrationTests.UserData;

/// <summary>A fresh user data database of each kind the app supports: an SQLite file, or a PostgreSQL database of its own.</summary>
public sealed class UserDataStores : IAsyncDisposable
{
    public const string Sqlite = "SQLite";
    public const string PostgreSql = "PostgreSQL";

    private readonly DemoPostgres? _postgres;
    private readonly string? _folder;

    private UserDataStores(DbContextOptions<UserDataContext> options, DemoPostgres? postgres, string? folder)
    {
        (Options, _postgres, _folder) = (options, postgres, folder);
        Factory = new PooledDbContextFactory<UserDataContext>(options);
        Schema = new UserDataSchema(Factory, NullLogger<UserDataSchema>.Instance);
    }

    public static TheoryData<string> Kinds => [Sqlite, PostgreSql];

    public DbContextOptions<UserDataContext> Options { get; }

    public IDbContextFactory<UserDataContext> Factory { get; }

    public UserDataSchema Schema { get; }

    public static async Task<UserDataStores> NewAsync(string kind, CancellationToken cancellationToken)
    {
        if (kind == PostgreSql)
        {
            var postgres = await DemoPostgres.NewDatabaseAsync(cancellationToken);
            return new UserDataStores(postgres.ContextOptions(), postgres, null);
        }

        var folder = Path.Combine(Path.GetTempPath(), "webmail-test-userdata-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var options = new DbContextOptionsBuilder<UserDataContext>()
            .UseSqlite($"Data Source={Path.Combine(folder, UserDataRegistration.SqliteFileName)}").Options;
        return new UserDataStores(options, null, folder);
    }

    public UserSettingsStore SettingsStore() => new(new UserDataCalls(Factory, Schema), TimeProvider.System);

    public ScheduledMessageStore ScheduledStore(TimeProvider? clock = null) => new(new UserDataCalls(Factory, Schema), clock ?? TimeProvider.System);

    public ContactStore ContactStore() => new(new UserDataCalls(Factory, Schema), TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
