using Microsoft.EntityFrameworkCore;
using Npgsql;
using WebMail.Server.UserData;

namespace WebMail.Testing;

/// <summary>
/// The PostgreSQL that scripts/postgres.sh runs (port from scripts/mailserver.env). Each test gets a database of its
/// own, dropped when disposed. Nothing here skips a test when the server is missing: connecting fails, so does the test.
/// </summary>
public sealed class DemoPostgres : IAsyncDisposable
{
    private const string Password = "webmail-demo";

    private DemoPostgres(string database) => ConnectionString = ConnectionStringFor(database);

    public static int Port => int.Parse(DemoMailServer.Setting("WEBMAIL_POSTGRES_PORT"));

    /// <summary>A connection string to this test's own empty database.</summary>
    public string ConnectionString { get; }

    private string Database => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    /// <summary>A new, empty database for one test (its name says which).</summary>
    public static async Task<DemoPostgres> NewDatabaseAsync(CancellationToken cancellationToken)
    {
        var database = "webmail_test_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(ConnectionStringFor("webmail"));
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"create database {database}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return new DemoPostgres(database);
    }

    /// <summary>A user data context on this database, as the app makes them.</summary>
    public DbContextOptions<UserDataContext> ContextOptions() =>
        new DbContextOptionsBuilder<UserDataContext>().UseNpgsql(ConnectionString).Options;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionStringFor("webmail"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {Database} with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = "webmail",
        Password = Password,
        Timeout = 5,
    }.ConnectionString;
}
