namespace WebMail.Client.Services;

/// <summary>One line of the message list: what the headers say, nothing of the body.</summary>
/// <param name="Id">Opaque, only meaningful within the session that listed it.</param>
public sealed record MessageSummary(
    string Id, string FromName, string FromAddress, string Subject, DateTimeOffset Date, long Size, bool IsRead, bool HasAttachments);
