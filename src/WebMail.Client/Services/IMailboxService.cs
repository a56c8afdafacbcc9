namespace WebMail.Client.Services;

/// <summary>The signed-in user's mailbox, read over IMAP or POP3 as they chose at sign-in.</summary>
/// <remarks>Every method throws <see cref="MailOperationException"/> for failures a user can act on
/// (server unreachable or slow, message gone, folder refused, session ended) and <see cref="OperationCanceledException"/> when cancelled.
/// Methods taking several message ids act on all of them, in as few server round trips as the protocol allows.</remarks>
public interface IMailboxService
{
    /// <summary>What the session's protocol can do.</summary>
    Task<MailboxFeatures> GetFeaturesAsync();

    /// <summary>One page of a folder, a search or a conversation view. Served from the session's cache unless <paramref name="refresh"/>.</summary>
    Task<MessagePage> ListAsync(MessageQuery query, bool refresh = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// The folder's counts as the server has them now, without counting as the user's activity (an open page
    /// checks on its own; that must not keep an unattended session alive). Null when the folder is gone.
    /// </summary>
    Task<MailFolder?> CheckFolderAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// The page and (when <paramref name="withFolders"/>) the folders afresh from the server, after the new-mail check
    /// saw the folder change. Like <see cref="ListAsync(MessageQuery, bool, CancellationToken)"/> with refresh, but not
    /// the user's activity: mail arriving at an unattended inbox on a lab computer must not keep it signed in.
    /// </summary>
    Task<(MessagePage Page, IReadOnlyList<MailFolder>? Folders)> ReloadAfterNewMailAsync(
        MessageQuery query, bool withFolders, CancellationToken cancellationToken = default);

    /// <summary>Every folder, special ones first, then the others as a tree, with message and unread counts (POP3: the inbox only).</summary>
    Task<IReadOnlyList<MailFolder>> ListFoldersAsync(bool refresh = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// The message the user opened: downloaded (once; later from the session's cache), decoded and marked read (IMAP
    /// on the server; POP3 for this session). The body and attachment URLs read it without marking it.
    /// </summary>
    Task<MessageView> OpenAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>The messages listed just before and after this one in the given list, else in a listed page holding it (null at the ends, or when not listed).</summary>
    /// <param name="listedIn">The list the reader came from (the tab's own query), so two tabs each get their own neighbours.</param>
    Task<(MessageSummary? Newer, MessageSummary? Older)> GetNeighboursAsync(string messageId, MessageQuery? listedIn = null);

    /// <summary>
    /// A text or table attachment of an opened message, decoded for its preview (its declared charset, else UTF-8,
    /// else GB18030), at most <see cref="AttachmentPreview.MaxTextBytes"/> of it.
    /// </summary>
    /// <exception cref="MailOperationException">MessageNotFound: no such message or attachment; else as <see cref="OpenAsync"/>.</exception>
    Task<AttachmentText> PreviewTextAsync(string messageId, int attachmentIndex, CancellationToken cancellationToken = default);

    /// <summary>IMAP: moves to Trash; in Trash (or without one) deletes for good. POP3: deletes on the server.</summary>
    /// <returns>Where messages moved to Trash are now, so the user can undo; nothing for what is gone for good.</returns>
    Task<IReadOnlyList<MovedMessage>> DeleteAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken = default);

    /// <summary>Sets or clears \Seen (IMAP on the server; POP3 for this session only).</summary>
    Task SetReadAsync(string messageId, bool read, CancellationToken cancellationToken = default) => SetReadAsync([messageId], read, cancellationToken);

    /// <inheritdoc cref="SetReadAsync(string, bool, CancellationToken)"/>
    Task SetReadAsync(IReadOnlyList<string> messageIds, bool read, CancellationToken cancellationToken = default);

    /// <summary>IMAP only: sets or clears \Flagged (the star).</summary>
    Task SetFlaggedAsync(IReadOnlyList<string> messageIds, bool flagged, CancellationToken cancellationToken = default);

    /// <summary>How full the account is on the server; null where the server says nothing (no QUOTA, POP3).</summary>
    Task<MailboxQuota?> GetQuotaAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Spam (keyword $Junk, moved to the Junk folder) or not spam ($NotJunk, moved to the Inbox): one action, what a
    /// school's spam filter learns from. IMAP only.
    /// </summary>
    /// <returns>Where the messages are now, for an undo.</returns>
    Task<IReadOnlyList<MovedMessage>> ReportJunkAsync(IReadOnlyList<string> messageIds, bool junk, CancellationToken cancellationToken = default);

    /// <summary>IMAP only: moves messages to another folder; returns where they are now (for an undo).</summary>
    Task<IReadOnlyList<MovedMessage>> MoveAsync(IReadOnlyList<string> messageIds, string targetFolder, CancellationToken cancellationToken = default);

    /// <summary>IMAP only: copies messages to another folder.</summary>
    Task CopyAsync(IReadOnlyList<string> messageIds, string targetFolder, CancellationToken cancellationToken = default);

    /// <summary>IMAP: adds a message saved as a file (.eml) to <paramref name="folder"/>, as read, dated as it says.</summary>
    /// <exception cref="MailOperationException">NotAMessage: the file is not a mail message; FolderNotFound; NotAvailableOverPop3; or the server refused it.</exception>
    Task ImportAsync(string folder, byte[] eml, CancellationToken cancellationToken = default);

    /// <summary>IMAP only: creates a folder at the top level or inside <paramref name="parentPath"/>; returns its path.</summary>
    Task<string> CreateFolderAsync(string? parentPath, string name, CancellationToken cancellationToken = default);

    /// <summary>IMAP only: renames a folder that is not a special one (it stays under the same parent); returns its new path.</summary>
    Task<string> RenameFolderAsync(string path, string newName, CancellationToken cancellationToken = default);

    /// <summary>IMAP only: deletes a folder that is not a special one, with the messages in it.</summary>
    Task DeleteFolderAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>IMAP only: deletes every message in Trash for good.</summary>
    Task EmptyTrashAsync(CancellationToken cancellationToken = default);
}
