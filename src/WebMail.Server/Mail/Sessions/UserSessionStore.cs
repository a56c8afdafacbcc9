using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using WebMail.Client.Services;
using WebMail.Server.Hosting;

namespace WebMail.Server.Mail.Sessions;

/// <summary>
/// The signed-in sessions, by id. This process keeps the sessions it serves in memory (with their mail connections
/// and caches); with a shared store configured (Redis) each session's record and draft are also kept there, so
/// another instance can take the session over when this one goes away. Expired sessions are ended on sight and by a sweep.
/// </summary>
public sealed class UserSessionStore(
    IDataProtectionProvider dataProtection, IOptionsMonitor<UserSessionOptions> options, TimeProvider clock,
    ISharedSessionRecords shared, ILogger<UserSessionStore> logger)
{
    private readonly IDataProtector _passwordProtector = dataProtection.CreateProtector("WebMail.SessionPassword.v1");
    private readonly ConcurrentDictionary<string, UserSession> _sessions = new(StringComparer.Ordinal);

    /// <summary>Sessions held by this process.</summary>
    public int Count => _sessions.Count;

    /// <summary>The sessions this process holds for <paramref name="address"/> (expired ones included until swept).</summary>
    public IReadOnlyList<UserSession> ForAddress(string address) =>
        _sessions.Values.Where(s => string.Equals(s.Address, address, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <exception cref="SessionStoreUnavailableException">The shared store is configured but cannot be reached: no session was started.</exception>
    public async Task<UserSession> CreateAsync(
        string address, string domain, ReadingProtocol protocol, string password, CancellationToken cancellationToken = default, SessionOrigin? origin = null)
    {
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var session = new UserSession(id, address, domain, protocol, password, _passwordProtector, clock.GetUtcNow(), origin);
        await shared.SaveAsync(id, session.ToRecord(), cancellationToken);
        _sessions[id] = session;
        logger.LogInformation("Session started for {Address} reading over {Protocol}", address, protocol);
        return session;
    }

    /// <summary>
    /// The live session with this id, or null when there is none or it has expired (which ends it here). A session
    /// this process does not hold is taken over from the shared store, if there is one and it knows the session.
    /// </summary>
    /// <exception cref="SessionStoreUnavailableException">The session is not held here and the shared store cannot be asked.</exception>
    public async Task<UserSession?> FindAsync(string? id, CancellationToken cancellationToken = default)
    {
        if (id is null)
        {
            return null;
        }

        if (_sessions.TryGetValue(id, out var session))
        {
            if (!session.IsExpired(clock.GetUtcNow(), options.CurrentValue))
            {
                return session;
            }

            await ReleaseAsync(id, "expired");
        }

        return shared.IsShared ? await TakeOverAsync(id, cancellationToken) : null;
    }

    /// <summary>Records activity; with a shared store, renews the shared record now and then (and notices a sign-out elsewhere).</summary>
    public async Task TouchAsync(UserSession session, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        session.Touch(now);
        if (!shared.IsShared || !session.ClaimSharedRenewal(now, RenewalInterval(options.CurrentValue)))
        {
            return;
        }

        try
        {
            if (!await shared.KeepAliveAsync(session.Id, cancellationToken))
            {
                await ReleaseAsync(session.Id, "ended on another instance");
                return;
            }

            // The last activity other instances show in the user's list of signed-in devices.
            await shared.SaveAsync(session.Id, session.ToRecord(), cancellationToken);
        }
        catch (SessionStoreUnavailableException exception)
        {
            // The user keeps working on this instance; only a takeover elsewhere needs the store.
            logger.LogWarning("Session of {Address} not renewed in the shared store: {Problem}", session.Address, exception.InnerException?.Message);
        }
    }

    /// <summary>Signs the session out everywhere: here, and in the shared store so no other instance takes it over.</summary>
    public async Task EndAsync(string id, string reason)
    {
        await ReleaseAsync(id, reason);
        try
        {
            await shared.RemoveAsync(id, CancellationToken.None);
        }
        catch (SessionStoreUnavailableException exception)
        {
            // The cookie is cleared and this instance forgot the session; the shared record expires on its own.
            logger.LogWarning("Ended session not removed from the shared store: {Problem}", exception.InnerException?.Message);
        }
    }

    /// <summary>Ends, in this process, the sessions that expired. Shared records expire in the store on the same schedule.</summary>
    public async Task EndExpiredAsync()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, session) in _sessions)
        {
            if (session.IsExpired(now, options.CurrentValue))
            {
                await ReleaseAsync(id, "expired");
            }
        }
    }

    /// <summary>
    /// Every live session of the user of <paramref name="current"/>: those this instance holds, and with a shared store
    /// those of other instances (their last activity as of their last renewal).
    /// </summary>
    public async Task<IReadOnlyList<SignedInSession>> ListForAsync(UserSession current, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var list = ForAddress(current.Address).Where(s => !s.IsExpired(now, options.CurrentValue))
            .Select(s => new SignedInSession(SharedStoreKey.Hash(s.Id), s.Device, s.ClientAddress, s.CreatedAt, s.LastActivity, s.Id == current.Id))
            .ToList();
        foreach (var (key, record) in await shared.ListForAddressAsync(current.Address, cancellationToken))
        {
            if (list.All(s => s.Key != key))
            {
                list.Add(new SignedInSession(key, record.Device, record.ClientAddress, record.CreatedAt, record.LastActivity ?? record.CreatedAt, false));
            }
        }

        return list.OrderByDescending(s => s.IsCurrent).ThenByDescending(s => s.LastActivity).ToList();
    }

    /// <summary>Signs out every other session of the user of <paramref name="current"/>, on every instance; returns how many.</summary>
    public async Task<int> EndOthersAsync(UserSession current, CancellationToken cancellationToken)
    {
        var others = (await ListForAsync(current, cancellationToken)).Where(s => !s.IsCurrent).ToList();
        var heldHere = ForAddress(current.Address).ToDictionary(s => SharedStoreKey.Hash(s.Id));
        foreach (var other in others)
        {
            if (heldHere.TryGetValue(other.Key, out var local))
            {
                await EndAsync(local.Id, "signed out from another device");
            }
            else
            {
                await shared.RemoveByKeyAsync(current.Address, other.Key, cancellationToken);
            }
        }

        return others.Count;
    }

    /// <summary>
    /// A session for one piece of work on behalf of a user whose own session has ended (a held message sent after
    /// sign-out), from the record kept with that work. Not registered: nobody can sign in with it; end it when done.
    /// </summary>
    public UserSession Detached(string id, SessionRecord record) => new(id, record, _passwordProtector, clock.GetUtcNow());


    /// <summary>Often enough that a session in use never lapses in the store, at most once a minute.</summary>
    internal static TimeSpan RenewalInterval(UserSessionOptions options) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, options.IdleTimeout.Ticks / 4));

    private async Task<UserSession?> TakeOverAsync(string id, CancellationToken cancellationToken)
    {
        if (await shared.FindAsync(id, cancellationToken) is not { } record)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var session = new UserSession(id, record, _passwordProtector, now);
        if (session.IsExpired(now, options.CurrentValue))
        {
            return null;
        }

        var held = _sessions.GetOrAdd(id, session);
        if (ReferenceEquals(held, session))
        {
            logger.LogInformation("Session of {Address} taken over from the shared store", record.Address);
        }

        return held;
    }

    private async Task ReleaseAsync(string id, string reason)
    {
        if (_sessions.TryRemove(id, out var session))
        {
            await session.EndAsync();
            logger.LogInformation("Session of {Address} ended here ({Reason})", session.Address, reason);
        }
    }
}
