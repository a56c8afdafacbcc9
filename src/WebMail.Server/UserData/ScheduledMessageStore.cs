using Microsoft.EntityFrameworkCore;

namespace WebMail.Server.UserData;

/// <summary>
/// <see cref="IScheduledMessageStore"/> on the user data database. Claims are conditional updates (claimed_at set
/// only where it is still empty), so of several instances asking at once exactly one gets each message.
/// </summary>
public sealed class ScheduledMessageStore(UserDataCalls calls, TimeProvider clock) : IScheduledMessageStore
{
    public Task AddAsync(ScheduledMessageRow row, CancellationToken cancellationToken = default) =>
        calls.RunAsync(async (database, token) =>
        {
            row.UserAddress = UserDataContext.KeyOf(row.UserAddress);
            database.ScheduledMessages.Add(row);
            return await database.SaveChangesAsync(token);
        }, cancellationToken);

    public Task<IReadOnlyList<ScheduledMessageRow>> ForUserAsync(string address, CancellationToken cancellationToken = default) =>
        calls.RunAsync<IReadOnlyList<ScheduledMessageRow>>(async (database, token) =>
            await database.ScheduledMessages.AsNoTracking()
                .Where(s => s.UserAddress == UserDataContext.KeyOf(address)).OrderBy(s => s.SendAt).ToListAsync(token), cancellationToken);

    public Task<int> FailedCountAsync(string address, CancellationToken cancellationToken = default) =>
        calls.RunAsync((database, token) =>
            database.ScheduledMessages.CountAsync(s => s.UserAddress == UserDataContext.KeyOf(address) && s.Problem != null, token), cancellationToken);

    public Task<IReadOnlyList<ScheduledMessageRow>> ClaimDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        calls.RunAsync<IReadOnlyList<ScheduledMessageRow>>(async (database, token) =>
        {
            var due = await database.ScheduledMessages.AsNoTracking()
                .Where(s => s.SendAt <= now.ToUnixTimeMilliseconds() && s.ClaimedAt == null)
                .OrderBy(s => s.SendAt).Take(max).ToListAsync(token);
            var claimed = new List<ScheduledMessageRow>();
            var at = clock.GetUtcNow().ToUnixTimeMilliseconds();
            foreach (var row in due)
            {
                var won = await database.ScheduledMessages.Where(s => s.Id == row.Id && s.ClaimedAt == null)
                    .ExecuteUpdateAsync(update => update.SetProperty(s => s.ClaimedAt, at), token);
                if (won == 1)
                {
                    row.ClaimedAt = at;
                    claimed.Add(row);
                }
            }

            return claimed;
        }, cancellationToken);

    public Task<IReadOnlyList<ScheduledMessageRow>> StaleClaimsAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken = default) =>
        calls.RunAsync<IReadOnlyList<ScheduledMessageRow>>(async (database, token) =>
            await database.ScheduledMessages.AsNoTracking()
                .Where(s => s.ClaimedAt != null && s.ClaimedAt < claimedBefore.ToUnixTimeMilliseconds() && s.Problem == null)
                .ToListAsync(token), cancellationToken);

    public Task MarkFailedAsync(string id, string problem, string? draftId = null, CancellationToken cancellationToken = default) =>
        calls.RunAsync((database, token) =>
            database.ScheduledMessages.Where(s => s.Id == id).ExecuteUpdateAsync(
                update => update.SetProperty(s => s.Problem, problem).SetProperty(s => s.DraftId, draftId is { Length: <= UserDataContext.MaxDraftIdLength } ? draftId : null), token),
            cancellationToken);

    public Task<ScheduledMessageRow?> TakeBackAsync(string address, string id, CancellationToken cancellationToken = default) =>
        calls.RunAsync(async (database, token) =>
        {
            var mine = database.ScheduledMessages.Where(s => s.Id == id && s.UserAddress == UserDataContext.KeyOf(address)
                && (s.ClaimedAt == null || s.Problem != null));
            var row = await mine.AsNoTracking().FirstOrDefaultAsync(token);
            return row is not null && await mine.ExecuteDeleteAsync(token) == 1 ? row : null;
        }, cancellationToken);

    public Task ForgetAsync(string address, CancellationToken cancellationToken = default) =>
        calls.RunAsync((database, token) => database.ScheduledMessages
            .Where(s => s.UserAddress == UserDataContext.KeyOf(address) && (s.ClaimedAt == null || s.Problem != null))
            .ExecuteDeleteAsync(token), cancellationToken);

    public Task RemoveAsync(string id, CancellationToken cancellationToken = default) =>
        calls.RunAsync((database, token) => database.ScheduledMessages.Where(s => s.Id == id).ExecuteDeleteAsync(token), cancellationToken);
}
