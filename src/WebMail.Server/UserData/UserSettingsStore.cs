using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WebMail.Client.Services;

namespace WebMail.Server.UserData;

/// <summary>
/// <see cref="IUserSettingsStore"/> on the user data database: one row per user, the settings as JSON. A context per
/// call (circuits live for hours; a context must not), each call bounded by <see cref="CallTimeout"/>.
/// </summary>
public sealed class UserSettingsStore(IDbContextFactory<UserDataContext> contexts, UserDataSchema schema, TimeProvider clock) : IUserSettingsStore
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<UserSettings?> FindAsync(string address, CancellationToken cancellationToken = default) =>
        RunAsync(async (database, token) =>
        {
            var row = await database.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.UserAddress == Key(address), token);
            return row is null ? null : JsonSerializer.Deserialize<UserSettings>(row.Json, Json);
        }, cancellationToken);

    public Task SaveAsync(string address, UserSettings settings, CancellationToken cancellationToken = default) =>
        RunAsync(async (database, token) =>
        {
            var json = JsonSerializer.Serialize(settings, Json);
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var row = await database.Settings.FirstOrDefaultAsync(s => s.UserAddress == Key(address), token);
            if (row is null)
            {
                database.Settings.Add(new StoredSettings { UserAddress = Key(address), Json = json, UpdatedAt = now });
            }
            else
            {
                (row.Json, row.UpdatedAt) = (json, now);
            }

            try
            {
                await database.SaveChangesAsync(token);
            }
            catch (DbUpdateException) when (row is null)
            {
                // Another tab or instance inserted the row first: the later save wins, as it would have as an update.
                database.ChangeTracker.Clear();
                await database.Settings.Where(s => s.UserAddress == Key(address))
                    .ExecuteUpdateAsync(update => update.SetProperty(s => s.Json, json).SetProperty(s => s.UpdatedAt, now), token);
            }

            return true;
        }, cancellationToken);

    public Task<bool> DeleteAsync(string address, CancellationToken cancellationToken = default) =>
        RunAsync(async (database, token) =>
            await database.Settings.Where(s => s.UserAddress == Key(address)).ExecuteDeleteAsync(token) > 0, cancellationToken);

    private static string Key(string address) => address.Trim().ToLowerInvariant();

    private async Task<T> RunAsync<T>(Func<UserDataContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CallTimeout);
        try
        {
            await schema.EnsureCurrentAsync(timeout.Token);
            await using var database = await contexts.CreateDbContextAsync(timeout.Token);
            return await work(database, timeout.Token);
        }
        catch (Exception exception) when (UserDataFailures.IsUnavailable(exception)
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MailOperationException(MailProblem.SettingsUnavailable, exception);
        }
    }
}
