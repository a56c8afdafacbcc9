using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;
using WebMail.Server.Hosting;

namespace WebMail.Server.Mail.Smtp;

/// <summary>
/// Held messages in Redis, encrypted, with a sorted set of due times so any instance can send those whose instance
/// went away. Taking is GETDEL: whichever instance (or undo) gets the value has it; everyone else gets nothing.
/// </summary>
public sealed class RedisHeldMessageStore(SharedStateRegistration.LazyRedisConnection redis, IDataProtectionProvider dataProtection)
    : IHeldMessageStore
{
    private const string Prefix = SharedStateRegistration.SessionKeyPrefix + "held:";
    private const string DueKey = SharedStateRegistration.SessionKeyPrefix + "held-due";

    /// <summary>Past this, a message nobody could send (all instances down for a day) is dropped rather than kept forever.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(5);
    private readonly IDataProtector _protector = HeldMessage.Protector(dataProtection);

    public async Task HoldAsync(HeldMessage message, CancellationToken cancellationToken)
    {
        var database = redis.Connection.GetDatabase();
        var transaction = database.CreateTransaction();
        _ = transaction.StringSetAsync(Prefix + message.Id, message.Seal(_protector), Lifetime);
        _ = transaction.SortedSetAddAsync(DueKey, message.Id, message.SendAt.ToUnixTimeMilliseconds());
        await transaction.ExecuteAsync().WaitAsync(OperationTimeout, cancellationToken);
    }

    public async Task<HeldMessage?> TakeAsync(string id, CancellationToken cancellationToken)
    {
        var database = redis.Connection.GetDatabase();
        var value = await database.StringGetDeleteAsync(Prefix + id).WaitAsync(OperationTimeout, cancellationToken);
        await database.SortedSetRemoveAsync(DueKey, id).WaitAsync(OperationTimeout, cancellationToken);
        return value.IsNull ? null : HeldMessage.Open(_protector, (byte[])value!);
    }

    public async Task<IReadOnlyList<string>> DueAsync(DateTimeOffset dueBefore, CancellationToken cancellationToken)
    {
        var ids = await redis.Connection.GetDatabase()
            .SortedSetRangeByScoreAsync(DueKey, double.NegativeInfinity, dueBefore.ToUnixTimeMilliseconds())
            .WaitAsync(OperationTimeout, cancellationToken);
        return ids.Select(id => id.ToString()).ToList();
    }
}
