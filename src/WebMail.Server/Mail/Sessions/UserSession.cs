using Microsoft.AspNetCore.DataProtection;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Sessions;

/// <summary>
/// One signed-in user: who they are, how they read mail, and their password, encrypted with Data Protection,
/// held only until the session ends (in this process's memory, and in the shared store when one is configured). Resources the session owns
/// (mail connections, the message cache) are registered here and disposed when it ends.
/// </summary>
public sealed class UserSession
{
    private readonly IDataProtector _protector;
    private readonly CancellationTokenSource _ended = new();
    private readonly List<IAsyncDisposable> _resources = [];
    private byte[]? _protectedPassword;
    private long _lastActivityTicks;
    private long _lastSharedRenewalTicks;

    internal UserSession(string id, string address, string domain, ReadingProtocol protocol, string password,
        IDataProtector protector, DateTimeOffset now, SessionOrigin? origin = null)
    {
        Id = id;
        Device = origin?.Device ?? "";
        ClientAddress = origin?.ClientAddress ?? "";
        Address = address;
        Domain = domain;
        Protocol = protocol;
        _protector = protector;
        _protectedPassword = protector.Protect(System.Text.Encoding.UTF8.GetBytes(password));
        CreatedAt = now;
        _lastActivityTicks = now.UtcTicks;
        _lastSharedRenewalTicks = now.UtcTicks;
    }

    /// <summary>A session taken over from the shared store (its instance went away); it counts as active now.</summary>
    internal UserSession(string id, SessionRecord record, IDataProtector protector, DateTimeOffset now)
    {
        Id = id;
        Device = record.Device;
        ClientAddress = record.ClientAddress;
        Address = record.Address;
        Domain = record.Domain;
        Protocol = record.Protocol;
        _protector = protector;
        _protectedPassword = record.ProtectedPassword;
        CreatedAt = record.CreatedAt;
        _lastActivityTicks = now.UtcTicks;
        _lastSharedRenewalTicks = now.UtcTicks;
    }

    /// <summary>Opaque, random, unguessable; the only thing the session cookie carries.</summary>
    public string Id { get; }

    /// <summary>The full address the user signed in as, e.g. alice@school.edu.cn.</summary>
    public string Address { get; }

    public string Domain { get; }

    /// <summary>What the user signed in with, e.g. "Chrome · Windows" (<see cref="Auth.DeviceName"/>).</summary>
    public string Device { get; }

    /// <summary>The client address at sign-in.</summary>
    public string ClientAddress { get; }

    public ReadingProtocol Protocol { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset LastActivity => new(Interlocked.Read(ref _lastActivityTicks), TimeSpan.Zero);

    /// <summary>Cancelled when the session ends; work done for the session should observe it.</summary>
    public CancellationToken Ended => _ended.Token;

    public bool IsEnded => _ended.IsCancellationRequested;

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastActivityTicks, now.UtcTicks);

    /// <summary>
    /// True (once per <paramref name="interval"/>) when the shared record should be renewed: often enough to
    /// outlive the idle timeout, rarely enough that a busy user does not cost the store a call per click.
    /// </summary>
    internal bool ClaimSharedRenewal(DateTimeOffset now, TimeSpan interval)
    {
        var last = Interlocked.Read(ref _lastSharedRenewalTicks);
        return now.UtcTicks - last >= interval.Ticks
            && Interlocked.CompareExchange(ref _lastSharedRenewalTicks, now.UtcTicks, last) == last;
    }

    /// <exception cref="SessionEndedException">The session has ended and its password is gone.</exception>
    internal SessionRecord ToRecord() =>
        new(Address, Domain, Protocol, _protectedPassword ?? throw new SessionEndedException(), CreatedAt, Device, ClientAddress, LastActivity);

    public bool IsExpired(DateTimeOffset now, UserSessionOptions options) =>
        IsEnded || now - LastActivity > options.IdleTimeout || now - CreatedAt > options.AbsoluteTimeout;

    /// <summary>The password, decrypted for the moment it is sent to the mail server. Never log or keep it.</summary>
    /// <exception cref="SessionEndedException">The session has ended and its password is gone.</exception>
    public string RevealPassword()
    {
        var protectedPassword = _protectedPassword;
        if (protectedPassword is null || IsEnded)
        {
            throw new SessionEndedException();
        }

        return System.Text.Encoding.UTF8.GetString(_protector.Unprotect(protectedPassword));
    }

    /// <summary>Hands <paramref name="resource"/> to the session, which disposes it when it ends (at once if it has).</summary>
    public void Own(IAsyncDisposable resource)
    {
        lock (_resources)
        {
            if (!IsEnded)
            {
                _resources.Add(resource);
                return;
            }
        }

        // Ended already: nobody waits for this, so its failure is observed here (disposing logs out politely, nothing more).
        _ = resource.DisposeAsync().AsTask().ObserveFailure();
    }

    internal async Task EndAsync()
    {
        IAsyncDisposable[] resources;
        lock (_resources)
        {
            if (IsEnded)
            {
                return;
            }

            _protectedPassword = null;
            _ended.Cancel();
            resources = [.. _resources];
            _resources.Clear();
        }

        foreach (var resource in resources)
        {
            try
            {
                await resource.DisposeAsync();
            }
            catch (Exception)
            {
                // Closing a mail connection that already broke must not keep the rest from being released.
            }
        }
    }
}
