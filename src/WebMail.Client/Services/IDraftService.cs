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

    /// <summary>Forgets the session's draft (and removes its copy from the Drafts folder).</summary>
    Task DiscardAsync(CancellationToken cancellationToken = default);
}
