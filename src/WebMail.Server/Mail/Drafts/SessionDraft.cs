using WebMail.Client.Services;

namespace WebMail.Server.Mail.Drafts;

/// <summary>What the user is writing, kept for the session so no reload or dropped connection loses it.</summary>
public sealed class SessionDraft
{
    /// <summary>The draft as last saved, or null.</summary>
    public OutgoingMessage? Message { get; set; }

    /// <summary>The id of the draft's copy in the server's Drafts folder (IMAP), replaced on every save that changed it.</summary>
    public string? CopyId { get; set; }

    /// <summary>True once the shared store (Redis) was asked for this session's draft, or told it: no need to ask again.</summary>
    public bool SharedLoaded { get; set; }
}
