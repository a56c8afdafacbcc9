using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using WebMail.Client.Services;
using WebMail.Server.Mail.Sessions;
using WebMail.Server.UserData;

namespace WebMail.Server.Mail.Drafts;

/// <summary>
/// A POP3 user's drafts beyond the session, in the user data database: POP3 has no Drafts folder, so this is what
/// another sign-in (a phone, tomorrow) finds. Sealed with Data Protection, all of the user's drafts in one row; a
/// store that is down only means the drafts live as long as the session, as before.
/// </summary>
public sealed class KeptDrafts(IKeptDraftStore store, IDataProtectionProvider dataProtection, ILogger<KeptDrafts> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IDataProtector Protector => dataProtection.CreateProtector("WebMail.KeptDraft.v1");

    public static bool Applies(UserSession session) => session.Protocol == ReadingProtocol.Pop3;

    /// <param name="drafts">Oldest first; none deletes the row.</param>
    public async Task SaveAsync(UserSession session, IReadOnlyList<OutgoingMessage> drafts, CancellationToken cancellationToken)
    {
        try
        {
            if (drafts.Count == 0)
            {
                await store.DeleteAsync(session.Address, cancellationToken);
            }
            else
            {
                await store.SaveAsync(session.Address, Protector.Protect(JsonSerializer.SerializeToUtf8Bytes(drafts, Json)), cancellationToken);
            }
        }
        catch (MailOperationException exception)
        {
            logger.LogWarning("POP3 drafts of {Address} kept in the session only: {Problem}", session.Address, exception.Problem);
        }
    }

    /// <summary>The user's drafts, oldest first.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> FindAsync(UserSession session, CancellationToken cancellationToken)
    {
        try
        {
            if (await store.FindAsync(session.Address, cancellationToken) is not { } sealedDrafts)
            {
                return [];
            }

            var json = Protector.Unprotect(sealedDrafts);
            // A row written before several drafts were kept holds one draft, not a list.
            return json.AsSpan().TrimStart(" \t\r\n"u8).StartsWith("["u8)
                ? JsonSerializer.Deserialize<List<OutgoingMessage>>(json, Json) ?? []
                : JsonSerializer.Deserialize<OutgoingMessage>(json, Json) is { } single ? [single] : [];
        }
        catch (Exception exception) when (exception is MailOperationException or System.Security.Cryptography.CryptographicException or JsonException)
        {
            logger.LogWarning("POP3 drafts of {Address} not read: {ExceptionType}", session.Address, exception.GetType().Name);
            return [];
        }
    }
}
