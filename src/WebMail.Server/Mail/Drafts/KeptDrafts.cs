using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using WebMail.Client.Services;
using WebMail.Server.Mail.Sessions;
using WebMail.Server.UserData;

namespace WebMail.Server.Mail.Drafts;

/// <summary>
/// A POP3 user's draft beyond the session, in the user data database: POP3 has no Drafts folder, so this is what
/// another sign-in (a phone, tomorrow) finds. Sealed with Data Protection; a store that is down only means the draft
/// lives as long as the session, as before.
/// </summary>
public sealed class KeptDrafts(IKeptDraftStore store, IDataProtectionProvider dataProtection, ILogger<KeptDrafts> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IDataProtector Protector => dataProtection.CreateProtector("WebMail.KeptDraft.v1");

    public static bool Applies(UserSession session) => session.Protocol == ReadingProtocol.Pop3;

    public async Task SaveAsync(UserSession session, OutgoingMessage? draft, CancellationToken cancellationToken)
    {
        try
        {
            if (draft is null)
            {
                await store.DeleteAsync(session.Address, cancellationToken);
            }
            else
            {
                await store.SaveAsync(session.Address, Protector.Protect(JsonSerializer.SerializeToUtf8Bytes(draft, Json)), cancellationToken);
            }
        }
        catch (MailOperationException exception)
        {
            logger.LogWarning("POP3 draft of {Address} kept in the session only: {Problem}", session.Address, exception.Problem);
        }
    }

    public async Task<OutgoingMessage?> FindAsync(UserSession session, CancellationToken cancellationToken)
    {
        try
        {
            return await store.FindAsync(session.Address, cancellationToken) is { } sealedDraft
                ? JsonSerializer.Deserialize<OutgoingMessage>(Protector.Unprotect(sealedDraft), Json)
                : null;
        }
        catch (Exception exception) when (exception is MailOperationException or System.Security.Cryptography.CryptographicException)
        {
            logger.LogWarning("POP3 draft of {Address} not read: {ExceptionType}", session.Address, exception.GetType().Name);
            return null;
        }
    }
}
