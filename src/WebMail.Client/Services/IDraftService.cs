namespace WebMail.Client.Services;

/// <summary>
/// What the user is writing, kept on the server so a reload, a dropped connection or a closed tab loses nothing.
/// A session keeps several drafts at once (two tabs, a draft opened from the Drafts folder beside a new message):
/// each compose page saves its own, named by the <see cref="DraftRef"/> the service gave it.
/// </summary>
public interface IDraftService
{
    /// <summary>
    /// Keeps what the user has typed so far for the session (with Redis, where another instance finds it) and, over
    /// IMAP, in the Drafts folder. A save that changes nothing since the last one sends nothing.
    /// </summary>
    /// <param name="of">The draft this page writes; null for a message not saved yet.</param>
    /// <returns>
    /// The draft as now saved. A new one when <paramref name="of"/> was null, or when another page saved that draft
    /// since this page last did: then both versions are kept, neither overwrites the other.
    /// </returns>
    Task<DraftRef> SaveAsync(DraftRef? of, OutgoingMessage draft, CancellationToken cancellationToken = default);

    /// <summary>The draft saved most recently in this session (the one a new compose page offers), if any.</summary>
    Task<SessionDraftCopy?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a draft from the IMAP Drafts folder (saved by another device, mail program or tab): what the form
    /// shows, and the copy later saves of it replace. The session's other drafts are untouched.
    /// </summary>
    /// <exception cref="MailOperationException">MessageNotFound when it is gone; TooLarge when too large to open; the mail server's problems.</exception>
    Task<SessionDraftCopy> OpenAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>Forgets a draft (and removes its copy from the Drafts folder); nothing when <paramref name="of"/> is null.</summary>
    Task DiscardAsync(DraftRef? of, CancellationToken cancellationToken = default);
}

/// <summary>One of the session's drafts, as of one save: the page that saves it next says which it saw.</summary>
public sealed record DraftRef(string Key, int Version);

/// <summary>A draft the session keeps, with the reference a compose page saves it under.</summary>
public sealed record SessionDraftCopy(DraftRef Ref, OutgoingMessage Message);
