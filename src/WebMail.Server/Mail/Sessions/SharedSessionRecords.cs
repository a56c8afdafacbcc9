using WebMail.Client.Services;

namespace WebMail.Server.Mail.Sessions;

/// <summary>
/// What another instance needs to carry on a session it did not start: who signed in, how they read mail, the
/// password as Data Protection encrypted it (the keys are shared too, so any instance can decrypt it), and when.
/// </summary>
/// <param name="Device">What the user signed in with ("Chrome · Windows"), for their list of signed-in devices.</param>
/// <param name="ClientAddress">The address they signed in from.</param>
/// <param name="LastActivity">As of the last renewal of the shared record (at most a minute behind).</param>
public sealed record SessionRecord(
    string Address, string Domain, ReadingProtocol Protocol, byte[] ProtectedPassword, DateTimeOffset CreatedAt,
    string Device = "", string ClientAddress = "", DateTimeOffset? LastActivity = null);

/// <summary>The unsent draft of a session and the id of its copy in the IMAP Drafts folder (if one was saved).</summary>
/// <param name="FileIds">With one id per attachment, the attachments' contents are stored apart, once each
/// (see <see cref="ISharedSessionRecords.SaveDraftFileAsync"/>), and <paramref name="Message"/> carries them empty.</param>
public sealed record DraftRecord(OutgoingMessage Message, string? CopyId, IReadOnlyList<string>? FileIds = null);

/// <summary>
/// Where sessions live beyond this process. In-process only (one instance) nothing is shared; with Redis every
/// instance can take over a session whose instance went away. Implementations throw
/// <see cref="SessionStoreUnavailableException"/> when the shared store cannot be reached.
/// </summary>
public interface ISharedSessionRecords
{
    /// <summary>False when sessions live only in this process (nothing to look up, nothing to refresh).</summary>
    bool IsShared { get; }

    Task SaveAsync(string sessionId, SessionRecord record, CancellationToken cancellationToken);

    /// <summary>The record, or null when no instance knows the session (signed out, expired, never existed).</summary>
    Task<SessionRecord?> FindAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Keeps the record (and its draft) from expiring while the user is active; false when it is gone.</summary>
    Task<bool> KeepAliveAsync(string sessionId, CancellationToken cancellationToken);

    Task RemoveAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Stores the draft, or removes it when <paramref name="draft"/> is null.</summary>
    Task SaveDraftAsync(string sessionId, DateTimeOffset sessionCreatedAt, DraftRecord? draft, CancellationToken cancellationToken);

    Task<DraftRecord?> FindDraftAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores one attachment of the session's draft under an id of its own (random: a hash of the content would let
    /// whoever reads the store confirm a known file), so saving the draft's text again does not send the file again. It lives as long as the session can, and goes with the draft.
    /// </summary>
    Task SaveDraftFileAsync(string sessionId, DateTimeOffset sessionCreatedAt, string fileId, byte[] content, CancellationToken cancellationToken);

    /// <summary>The attachment stored under <paramref name="fileId"/>, or null when it is gone.</summary>
    Task<byte[]?> FindDraftFileAsync(string sessionId, string fileId, CancellationToken cancellationToken);

    /// <summary>Forgets attachments the draft no longer has.</summary>
    Task RemoveDraftFilesAsync(string sessionId, IReadOnlyCollection<string> fileIds, CancellationToken cancellationToken);

    /// <summary>The records of every session of <paramref name="address"/>, by their key (a hash, not the session id).</summary>
    Task<IReadOnlyList<(string Key, SessionRecord Record)>> ListForAddressAsync(string address, CancellationToken cancellationToken);

    /// <summary>Ends a session known only by its key: the instance holding it lets go at its next renewal.</summary>
    Task RemoveByKeyAsync(string address, string key, CancellationToken cancellationToken);
}

/// <summary>One instance: sessions live only in its memory, as the in-process store keeps them.</summary>
public sealed class InProcessSessionRecords : ISharedSessionRecords
{
    public bool IsShared => false;

    public Task SaveAsync(string sessionId, SessionRecord record, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<SessionRecord?> FindAsync(string sessionId, CancellationToken cancellationToken) => Task.FromResult<SessionRecord?>(null);

    public Task<bool> KeepAliveAsync(string sessionId, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task RemoveAsync(string sessionId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SaveDraftAsync(string sessionId, DateTimeOffset sessionCreatedAt, DraftRecord? draft, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<DraftRecord?> FindDraftAsync(string sessionId, CancellationToken cancellationToken) => Task.FromResult<DraftRecord?>(null);

    public Task SaveDraftFileAsync(string sessionId, DateTimeOffset sessionCreatedAt, string fileId, byte[] content, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task<byte[]?> FindDraftFileAsync(string sessionId, string fileId, CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);

    public Task RemoveDraftFilesAsync(string sessionId, IReadOnlyCollection<string> fileIds, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<(string Key, SessionRecord Record)>> ListForAddressAsync(string address, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(string, SessionRecord)>>([]);

    public Task RemoveByKeyAsync(string address, string key, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The shared session store (Redis) could not be reached or did not answer in time.</summary>
public sealed class SessionStoreUnavailableException(Exception inner)
    : Exception("The shared session store is unavailable.", inner);
