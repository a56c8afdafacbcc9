using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WebMail.Client.Services;

namespace WebMail.Server.UserData;

/// <summary><see cref="IUserSettingsStore"/> on the user data database: one row per user, the settings as JSON.</summary>
public sealed class UserSettingsStore(UserDataCalls calls, TimeProvider clock) : IUserSettingsStore
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<UserSettings?> FindAsync(string address, CancellationToken cancellationToken = default) =>
        calls.RunAsync(async (database, token) =>
        {
            var row = await database.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.UserAddress == UserDataContext.KeyOf(address), token);
            return row is null ? null : JsonSerializer.Deserialize<UserSettings>(row.Json, Json);
        }, cancellationToken);

    public Task SaveAsync(string address, UserSettings settings, CancellationToken cancellationToken = default) =>
        calls.RunAsync(async (database, token) =>
        {
            var json = JsonSerializer.Serialize(settings, Json);
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var row = await database.Settings.FirstOrDefaultAsync(s => s.UserAddress == UserDataContext.KeyOf(address), token);
            if (row is null)
            {
                database.Settings.Add(new StoredSettings { UserAddress = UserDataContext.KeyOf(address), Json = json, UpdatedAt = now });
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
                await database.Settings.Where(s => s.UserAddress == UserDataContext.KeyOf(address))
                    .ExecuteUpdateAsync(update => update.SetProperty(s => s.Json, json).SetProperty(s => s.UpdatedAt, now), token);
            }

            return true;
        }, cancellationToken);

    public Task<bool> DeleteAsync(string address, CancellationToken cancellationToken = default) =>
        calls.RunAsync(async (database, token) =>
            await database.Settings.Where(s => s.UserAddress == UserDataContext.KeyOf(address)).ExecuteDeleteAsync(token) > 0, cancellationToken);
}
