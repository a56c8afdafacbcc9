using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Mail.Smtp;

/// <summary>
/// A sent message waiting out its undo delay: the MIME bytes and who sends it (the session's record, with the
/// password as Data Protection encrypted it), so that it can be sent after the session has ended, or by another
/// instance, or by this one after a restart.
/// </summary>
/// <param name="Id">Random; what the page uses to undo or await it.</param>
/// <param name="SessionId">The session that sent it: only it may undo it.</param>
public sealed record HeldMessage(string Id, string SessionId, SessionRecord Sender, byte[] Mime, string? RepliedToId, DateTimeOffset SendAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The message encrypted whole for storage (Redis or disk): recipients, text and sender are not readable there.</summary>
    public byte[] Seal(IDataProtector protector) => protector.Protect(JsonSerializer.SerializeToUtf8Bytes(this, Json));

    public static HeldMessage Open(IDataProtector protector, byte[] sealedMessage) =>
        JsonSerializer.Deserialize<HeldMessage>(protector.Unprotect(sealedMessage), Json)
        ?? throw new InvalidDataException("An empty held message.");

    public static IDataProtector Protector(IDataProtectionProvider provider) => provider.CreateProtector("WebMail.HeldMessage.v1");
}

/// <summary>
/// Where held messages survive the instance: Redis with several instances, a folder otherwise. Taking a message
/// out is how sending and undoing decide who wins: exactly one caller gets it.
/// </summary>
public interface IHeldMessageStore
{
    Task HoldAsync(HeldMessage message, CancellationToken cancellationToken);

    /// <summary>Removes and returns the message, or null when someone already took it (sent, undone, or recovered).</summary>
    Task<HeldMessage?> TakeAsync(string id, CancellationToken cancellationToken);

    /// <summary>Ids of held messages due to be sent before <paramref name="dueBefore"/>.</summary>
    Task<IReadOnlyList<string>> DueAsync(DateTimeOffset dueBefore, CancellationToken cancellationToken);
}
