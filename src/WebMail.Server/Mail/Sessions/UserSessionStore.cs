using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Sessions;

/// <summary>The signed-in sessions of this process, by id. Expired sessions are ended on sight and by a sweep.</summary>
public sealed class UserSessionStore(
    IDataProtectionProvider dataProtection, IOptionsMonitor<UserSessionOptions> options, TimeProvider clock,
    ILogger<UserSessionStore> logger)
{
    private readonly IDataProtector _passwordProtector = dataProtection.CreateProtector("WebMail.SessionPassword.v1");
    private readonly ConcurrentDictionary<string, UserSession> _sessions = new(StringComparer.Ordinal);

    public int Count => _sessions.Count;

    public UserSession Create(string address, string domain, ReadingProtocol protocol, string password)
    {
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var session = new UserSession(id, address, domain, protocol, password, _passwordProtector, clock.GetUtcNow());
        _sessions[id] = session;
        logger.LogInformation("Session started for {Address} reading over {Protocol}", address, protocol);
        return session;
    }

    /// <summary>The live session with this id, or null when there is none or it has expired (which ends it).</summary>
    public async Task<UserSession?> FindAsync(string? id)
    {
        if (id is null || !_sessions.TryGetValue(id, out var session))
        {
            return null;
        }

        if (session.IsExpired(clock.GetUtcNow(), options.CurrentValue))
        {
            await EndAsync(id, "expired");
            return null;
        }

        return session;
    }

    public async Task EndAsync(string id, string reason)
    {
        if (_sessions.TryRemove(id, out var session))
        {
            await session.EndAsync();
            logger.LogInformation("Session of {Address} ended ({Reason})", session.Address, reason);
        }
    }

    public async Task EndExpiredAsync()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, session) in _sessions)
        {
            if (session.IsExpired(now, options.CurrentValue))
            {
                await EndAsync(id, "expired");
            }
        }
    }
}
