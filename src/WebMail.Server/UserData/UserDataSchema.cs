using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WebMail.Server.UserData;

/// <summary>
/// Brings the database's schema up to date (EF Core migrations) once per process: at start, and again before the
/// first use if the database could not be reached then. Several instances starting together are safe: EF Core takes
/// a migration lock on the database.
/// </summary>
public sealed class UserDataSchema(IDbContextFactory<UserDataContext> contexts, ILogger<UserDataSchema> logger)
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private volatile bool _current;

    public async Task EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        if (_current)
        {
            return;
        }

        await _once.WaitAsync(cancellationToken);
        try
        {
            if (!_current)
            {
                await using var database = await contexts.CreateDbContextAsync(cancellationToken);
                // The history table first: on a new database EF otherwise logs its own probe of it as a failed command.
                await database.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
                await database.Database.MigrateAsync(cancellationToken);
                logger.LogInformation("User data store ready ({Provider})", database.Database.ProviderName);
                _current = true;
            }
        }
        finally
        {
            _once.Release();
        }
    }
}
