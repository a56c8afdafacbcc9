namespace WebMail.Server.UserData;

/// <summary>
/// A POP3 user's draft (POP3 has no Drafts folder), sealed with Data Protection: recipients, text and attachments
/// are not readable in the database. One per user, as a session has one.
/// </summary>
public sealed class KeptDraftRow
{
    public string UserAddress { get; set; } = "";

    public byte[] Sealed { get; set; } = [];

    /// <summary>Unix milliseconds.</summary>
    public long UpdatedAt { get; set; }
}
