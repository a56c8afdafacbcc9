namespace WebMail.Client.Services;

/// <summary>What the user is writing, kept on the server so a reload, a dropped connection or a closed tab loses nothing.</summary>
public interface IDraftService
{
    /// <summary>
    /// Keeps what the user has typed so far for the session (with Redis, where another instance finds it) and, over
    /// IMAP, in the Drafts folder. A save that changes nothing since the last one sends nothing.
    /// </summary>
    Task SaveAsync(OutgoingMessage draft, CancellationToken cancellationToken = default);

    /// <summary>The draft kept for this session, if any.</summary>
    Task<OutgoingMessage?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a draft from the IMAP Drafts folder (saved by another device, mail program or tab) as the session's
    /// draft: what the form shows, and the copy later saves replace. The draft the session had stays in the folder.
    /// </summary>
    /// <exception cref="MailOperationException">MessageNotFound when it is gone; TooLarge when too large to open; the mail server's problems.</exception>
    Task<OutgoingMessage> OpenAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>Forgets the session's draft (and removes its copy from the Drafts folder).</summary>
    Task DiscardAsync(CancellationToken cancellationToken = default);
}
