namespace WebMail.Server.UserData;

/// <summary>
/// A message to send later, as a row: the held message sealed with Data Protection (recipients, text and the
/// sender's encrypted password are not readable in the database), who wrote it and when it is due.
/// </summary>
public sealed class ScheduledMessageRow
{
    public string Id { get; set; } = "";

    public string UserAddress { get; set; } = "";

    /// <summary>Unix milliseconds.</summary>
    public long SendAt { get; set; }

    public byte[] Sealed { get; set; } = [];

    /// <summary>When an instance took it to send (Unix milliseconds); null while it waits. One instance wins the claim.</summary>
    public long? ClaimedAt { get; set; }

    /// <summary>Why it could not be sent (a <c>MailProblem</c> name), once it failed; it then waits for the user.</summary>
    public string? Problem { get; set; }

    /// <summary>
    /// The copy put into the user's Drafts folder when it failed (IMAP), which "Change" then opens: the message is a
    /// draft again, where the user's other mail programs see it too. Null when there is none.
    /// </summary>
    public string? DraftId { get; set; }
}
