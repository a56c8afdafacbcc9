namespace WebMail.Client.Services;

/// <summary>The signed-in user's inbox, read over IMAP or POP3 as they chose at sign-in.</summary>
/// <remarks>Every method throws <see cref="MailOperationException"/> for failures a user can act on
/// (server unreachable or slow, message gone, session ended) and <see cref="OperationCanceledException"/> when cancelled.</remarks>
public interface IMailboxService
{
    /// <summary>One page of the inbox, newest first. Reads headers only, for that page only; served from the session's cache unless <paramref name="refresh"/>.</summary>
    Task<MessagePage> ListAsync(int pageIndex, int pageSize, bool refresh = false, CancellationToken cancellationToken = default);

    /// <summary>Downloads (once; later from the session's cache) and decodes a message. IMAP marks it read.</summary>
    Task<MessageView> OpenAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>The raw message as text, for "view source".</summary>
    Task<string> GetSourceAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>IMAP: moves to Trash (or marks deleted and expunges when there is none). POP3: deletes on the server.</summary>
    Task DeleteAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>IMAP only: sets or clears the \Seen flag on the server.</summary>
    Task SetReadAsync(string messageId, bool read, CancellationToken cancellationToken = default);
}
