using Microsoft.EntityFrameworkCore;

namespace WebMail.Server.UserData;

/// <summary><see cref="IKeptDraftStore"/> on the user data database: one row per user, replaced at every save.</summary>
public sealed class KeptDraftStore(UserDataCalls calls, TimeProvider clock) : IKeptDraftStore
{
    public Task SaveAsync(string address, byte[] sealedDraft, CancellationToken cancellationToken = default) =>
        calls.RunAsync(async (database, token) =>
        {
            var key = UserDataContext.KeyOf(address);
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var updated = await database.KeptDrafts.Where(d => d.UserAddress == key)
                .ExecuteUpdateAsync(update => update.SetProperty(d => d.Sealed, sealedDraft).SetProperty(d => d.UpdatedAt, now), token);
            if (updated == 0)
            {
                database.KeptDrafts.Add(new KeptDraftRow { UserAddress = key, Sealed = sealedDraft, UpdatedAt = now });
                await database.SaveChangesAsync(token);
            }

            return true;
        }, cancellationToken);

    public Task<byte[]?> FindAsync(string address, CancellationToken cancellationToken = default) =>
        calls.RunAsync(async (database, token) =>
            await database.KeptDrafts.AsNoTracking().Where(d => d.UserAddress == UserDataContext.KeyOf(address))
                .Select(d => d.Sealed).FirstOrDefaultAsync(token), cancellationToken);

    public Task DeleteAsync(string address, CancellationToken cancellationToken = default) =>
        calls.RunAsync((database, token) =>
            database.KeptDrafts.Where(d => d.UserAddress == UserDataContext.KeyOf(address)).ExecuteDeleteAsync(token), cancellationToken);
}
