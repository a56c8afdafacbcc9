namespace WebMail.Client.Services;

/// <summary>One line of the message list: what the headers and flags say, nothing of the body.</summary>
/// <param name="Id">Opaque, only meaningful within the session that listed it.</param>
public sealed record MessageSummary(
    string Id, string FromName, string FromAddress, string Subject, DateTimeOffset Date, long Size, bool IsRead, bool HasAttachments)
{
    public bool IsFlagged { get; init; }

    public bool IsAnswered { get; init; }

    /// <summary>The folder the message is in (shown for results of a search across all folders).</summary>
    public string Folder { get; init; } = MailFolder.InboxPath;

    /// <summary>In the conversation view, how deep in its thread the message is (0 for the first).</summary>
    public int ThreadLevel { get; init; }

    public string To { get; init; } = "";

    /// <summary>A read receipt asked for by this message was sent or declined already (IMAP keyword $MDNSent, RFC 3503): not asked again.</summary>
    public bool ReceiptHandled { get; init; }
}
