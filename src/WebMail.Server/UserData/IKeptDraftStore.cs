namespace WebMail.Server.UserData;

/// <summary>POP3 users' drafts beyond the session (sealed by the caller), by address.</summary>
/// <remarks>Every method throws <see cref="Client.Services.MailOperationException"/> with SettingsUnavailable when the database cannot be used.</remarks>
public interface IKeptDraftStore
{
    Task SaveAsync(string address, byte[] sealedDraft, CancellationToken cancellationToken = default);

    Task<byte[]?> FindAsync(string address, CancellationToken cancellationToken = default);

    Task DeleteAsync(string address, CancellationToken cancellationToken = default);
}
