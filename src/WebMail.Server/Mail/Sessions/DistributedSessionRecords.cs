using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using WebMail.Server.Hosting;

namespace WebMail.Server.Mail.Sessions;

/// <summary>
/// Session records and drafts in a distributed cache (Redis) that every instance shares. Entries expire as the
/// sessions do: after the idle timeout without activity (sliding), and at the absolute timeout after sign-in.
/// Keys are hashes of the session id, so a listing of the store does not hand out live session ids, and values are
/// encrypted with Data Protection (whose key ring is itself encrypted with a certificate kept outside the store): a
/// copy of Redis shows how many sessions and drafts there are and when they expire, not whose they are or what
/// they say.
/// </summary>
public sealed class DistributedSessionRecords(
    IDistributedCache cache, IOptionsMonitor<UserSessionOptions> options, IDataProtectionProvider dataProtection,
    SharedStateRegistration.LazyRedisConnection redis)
    : ISharedSessionRecords
{
    private readonly IDataProtector _sessionProtector = dataProtection.CreateProtector("WebMail.SharedSessionRecord.v1");
    private readonly IDataProtector _draftProtector = dataProtection.CreateProtector("WebMail.SharedDraft.v1");

    /// <summary>A slow store must not hold up a page for long: the user gets a clear message instead.</summary>
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(5);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool IsShared => true;

    public Task SaveAsync(string sessionId, SessionRecord record, CancellationToken cancellationToken) =>
        RunAsync(async token =>
        {
            await cache.SetAsync(SessionKey(sessionId), Seal(_sessionProtector, record), EntryOptions(record.CreatedAt), token);
            // The user's own list of sessions: keys only (hashes), expiring with the longest a session can live.
            var database = redis.Connection.GetDatabase();
            await database.SetAddAsync(UserKey(record.Address), SharedStoreKey.Hash(sessionId)).WaitAsync(token);
            await database.KeyExpireAsync(UserKey(record.Address), options.CurrentValue.AbsoluteTimeout).WaitAsync(token);
        }, cancellationToken);

    public Task<IReadOnlyList<(string Key, SessionRecord Record)>> ListForAddressAsync(string address, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<(string, SessionRecord)>>(async token =>
        {
            var database = redis.Connection.GetDatabase();
            var result = new List<(string, SessionRecord)>();
            foreach (var member in await database.SetMembersAsync(UserKey(address)).WaitAsync(token))
            {
                var key = member.ToString();
                if (await cache.GetAsync(SessionEntry(key), token) is { } bytes && Open<SessionRecord>(_sessionProtector, bytes) is { } record)
                {
                    result.Add((key, record));
                }
                else
                {
                    await database.SetRemoveAsync(UserKey(address), member).WaitAsync(token); // signed out or expired
                }
            }

            return result;
        }, cancellationToken);

    public Task RemoveByKeyAsync(string address, string key, CancellationToken cancellationToken) =>
        RunAsync(async token =>
        {
            await cache.RemoveAsync(SessionEntry(key), token);
            await RemoveDraftAndFilesAsync(key, token);
            await redis.Connection.GetDatabase().SetRemoveAsync(UserKey(address), key).WaitAsync(token);
        }, cancellationToken);

    private static string UserKey(string address) =>
        SharedStateRegistration.SessionKeyPrefix + "user-sessions:" + SharedStoreKey.Hash(address.ToLowerInvariant());

    public Task<SessionRecord?> FindAsync(string sessionId, CancellationToken cancellationToken) =>
        RunAsync(async token => await cache.GetAsync(SessionKey(sessionId), token) is { } bytes
            ? Open<SessionRecord>(_sessionProtector, bytes)
            : null, cancellationToken);

    public Task<bool> KeepAliveAsync(string sessionId, CancellationToken cancellationToken) =>
        RunAsync(async token =>
        {
            // Reading a sliding entry renews it, and tells whether it is still there (not signed out elsewhere).
            var alive = await cache.GetAsync(SessionKey(sessionId), token) is not null;
            if (alive)
            {
                await cache.RefreshAsync(DraftKey(sessionId), token);
            }

            return alive;
        }, cancellationToken);

    public Task RemoveAsync(string sessionId, CancellationToken cancellationToken) =>
        RunAsync(async token =>
        {
            await cache.RemoveAsync(SessionKey(sessionId), token);
            await RemoveDraftAndFilesAsync(SharedStoreKey.Hash(sessionId), token);
        }, cancellationToken);

    public Task SaveDraftAsync(string sessionId, DateTimeOffset sessionCreatedAt, DraftRecord? draft, CancellationToken cancellationToken) =>
        RunAsync(token => draft is null
            ? cache.RemoveAsync(DraftKey(sessionId), token)
            : cache.SetAsync(DraftKey(sessionId), Seal(_draftProtector, draft), EntryOptions(sessionCreatedAt), token),
            cancellationToken);

    public Task<DraftRecord?> FindDraftAsync(string sessionId, CancellationToken cancellationToken) =>
        RunAsync(async token => await cache.GetAsync(DraftKey(sessionId), token) is { } bytes
            ? Open<DraftRecord>(_draftProtector, bytes)
            : null, cancellationToken);

    public Task SaveDraftFileAsync(string sessionId, DateTimeOffset sessionCreatedAt, string fileId, byte[] content, CancellationToken cancellationToken) =>
        RunAsync(token => cache.SetAsync(
            DraftFileEntry(SharedStoreKey.Hash(sessionId), fileId),
            _draftProtector.Protect(content),
            // Not sliding: renewing every file on every request would cost more than keeping it for the session's longest life.
            new DistributedCacheEntryOptions { AbsoluteExpiration = sessionCreatedAt + options.CurrentValue.AbsoluteTimeout },
            token), cancellationToken);

    public Task<byte[]?> FindDraftFileAsync(string sessionId, string fileId, CancellationToken cancellationToken) =>
        RunAsync(async token => await cache.GetAsync(DraftFileEntry(SharedStoreKey.Hash(sessionId), fileId), token) is { } bytes
            ? _draftProtector.Unprotect(bytes)
            : null, cancellationToken);

    public Task RemoveDraftFilesAsync(string sessionId, IReadOnlyCollection<string> fileIds, CancellationToken cancellationToken) =>
        RunAsync(token => RemoveFilesAsync(SharedStoreKey.Hash(sessionId), fileIds, token), cancellationToken);

    /// <summary>The session's draft and the attachments it names (by its key, which is all "sign out elsewhere" has).</summary>
    private async Task RemoveDraftAndFilesAsync(string key, CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(DraftEntry(key), cancellationToken) is { } bytes && Open<DraftRecord>(_draftProtector, bytes)?.FileIds is { } fileIds)
        {
            await RemoveFilesAsync(key, fileIds, cancellationToken);
        }

        await cache.RemoveAsync(DraftEntry(key), cancellationToken);
    }

    private async Task RemoveFilesAsync(string key, IEnumerable<string> fileIds, CancellationToken cancellationToken)
    {
        foreach (var fileId in fileIds)
        {
            await cache.RemoveAsync(DraftFileEntry(key, fileId), cancellationToken);
        }
    }

    private static byte[] Seal<T>(IDataProtector protector, T value) => protector.Protect(JsonSerializer.SerializeToUtf8Bytes(value, Json));

    private static T? Open<T>(IDataProtector protector, byte[] sealedValue) => JsonSerializer.Deserialize<T>(protector.Unprotect(sealedValue), Json);

    private DistributedCacheEntryOptions EntryOptions(DateTimeOffset createdAt)
    {
        var current = options.CurrentValue;
        return new DistributedCacheEntryOptions
        {
            SlidingExpiration = current.IdleTimeout,
            AbsoluteExpiration = createdAt + current.AbsoluteTimeout,
        };
    }

    private static string SessionKey(string sessionId) => SessionEntry(SharedStoreKey.Hash(sessionId));

    private static string DraftKey(string sessionId) => DraftEntry(SharedStoreKey.Hash(sessionId));

    /// <summary>A session's entries by its key (<see cref="SharedStoreKey.Hash"/> of its id, which is never stored).</summary>
    private static string SessionEntry(string key) => "session:" + key;

    private static string DraftEntry(string key) => "draft:" + key;

    private static string DraftFileEntry(string key, string fileId) => "draft-file:" + key + ":" + fileId;

    private static async Task RunAsync(Func<CancellationToken, Task> operation, CancellationToken cancellationToken) =>
        await RunAsync(async token =>
        {
            await operation(token);
            return true;
        }, cancellationToken);

    private static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(OperationTimeout);
        try
        {
            return await operation(timeout.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not SessionStoreUnavailableException)
        {
            // Connection refused, timed out, or a record this version cannot read: all mean "not available now".
            throw new SessionStoreUnavailableException(exception);
        }
    }
}
