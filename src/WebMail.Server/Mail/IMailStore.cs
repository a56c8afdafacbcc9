using WebMail.Client.Services;

namespace WebMail.Server.Mail;

/// <summary>One user's mailbox on the mail server, over one protocol. Owned by the user's session.</summary>
/// <remarks>Failures surface as <see cref="MailOperationException"/>; cancellation as <see cref="OperationCanceledException"/>.
/// Folder operations are IMAP's; the POP3 store refuses them (the UI does not offer them, see <see cref="Features"/>).</remarks>
public interface IMailStore : IAsyncDisposable
{
    MailboxFeatures Features { get; }

    /// <summary>
    /// Uses <paramref name="signedIn"/>, a connection already signed in as this session's user (sign-in's own), as
    /// its connection instead of making one; false (the caller closes it) when it already has one or keeps none.
    /// </summary>
    bool TakeOver(MailKit.IMailService signedIn);

    /// <summary>A page of summaries for the query, and how many messages match in all.</summary>
    Task<MessagePage> ListAsync(MessageQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<MailFolder>> ListFoldersAsync(CancellationToken cancellationToken);

    /// <summary>The account's storage quota (IMAP QUOTA on the Inbox's quota root); null where the server has none, and over POP3.</summary>
    Task<MailboxQuota?> GetQuotaAsync(CancellationToken cancellationToken);

    /// <summary>The raw message as stored on the server.</summary>
    Task<byte[]> DownloadAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>The message's size on the server, in bytes, asked before downloading it.</summary>
    Task<long> SizeOfAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Only the message's header section (a message too large to open whole still shows who sent what).</summary>
    Task<byte[]> DownloadHeadersAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the raw message to <paramref name="destination"/> as it arrives: over IMAP in pieces of a megabyte, so a
    /// message of any size is never held whole (POP3 has no partial fetch: MailKit holds one message while it copies).
    /// </summary>
    Task CopyOriginalToAsync(string messageId, Stream destination, CancellationToken cancellationToken);

    /// <summary>
    /// The attachments of a message too large to open, from the server's description of its structure (IMAP
    /// BODYSTRUCTURE; empty over POP3, which has none: the original is downloaded whole there).
    /// </summary>
    Task<IReadOnlyList<AttachmentInfo>> ListAttachmentsAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Writes attachment <paramref name="index"/> of <see cref="ListAttachmentsAsync"/> decoded, a megabyte at a time.</summary>
    Task CopyAttachmentToAsync(string messageId, int index, Stream destination, CancellationToken cancellationToken);

    /// <summary>Moves to Trash, or deletes for good what is in Trash already (or everything, where there is no Trash).</summary>
    /// <returns>Where the messages moved to Trash are now (for an undo); nothing for what is gone for good.</returns>
    Task<IReadOnlyList<MovedMessage>> DeleteAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken);

    Task SetReadAsync(IReadOnlyList<string> messageIds, bool read, CancellationToken cancellationToken);

    Task SetFlaggedAsync(IReadOnlyList<string> messageIds, bool flagged, CancellationToken cancellationToken);

    /// <summary>
    /// Marks messages spam ($Junk, taking away $NotJunk) or not spam (the reverse): the keywords a school's filter
    /// trains from (Dovecot's IMAPSieve with Rspamd or SpamAssassin, Thunderbird's). IMAP only; moving is the caller's.
    /// </summary>
    Task SetJunkAsync(IReadOnlyList<string> messageIds, bool junk, CancellationToken cancellationToken);

    /// <summary>Records that a read receipt was sent or declined (keyword $MDNSent, RFC 3503; nothing over POP3), so no program asks again.</summary>
    Task MarkReceiptHandledAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Sets the \Answered flag of a message the user replied to (IMAP; POP3 has no flags).</summary>
    Task MarkAnsweredAsync(string messageId, CancellationToken cancellationToken);

    /// <returns>Where the messages are now, as far as the server says (COPYUID), for an undo.</returns>
    Task<IReadOnlyList<MovedMessage>> MoveAsync(IReadOnlyList<string> messageIds, string targetFolder, CancellationToken cancellationToken);

    Task CopyAsync(IReadOnlyList<string> messageIds, string targetFolder, CancellationToken cancellationToken);

    Task<string> CreateFolderAsync(string? parentPath, string name, CancellationToken cancellationToken);

    Task<string> RenameFolderAsync(string path, string newName, CancellationToken cancellationToken);

    Task DeleteFolderAsync(string path, CancellationToken cancellationToken);

    Task EmptyTrashAsync(CancellationToken cancellationToken);

    /// <summary>Keeps a copy of a sent message in the Sent folder. False where there is none (POP3).</summary>
    Task<bool> AppendToSentAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// The messages of the conversation <paramref name="messageId"/> is in, in its folder, in reply order (itself
    /// alone where the server cannot tell, and over POP3).
    /// </summary>
    Task<IReadOnlyList<string>> ConversationOfAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="message"/> to <paramref name="folder"/> as read, dated as the message says (IMAP APPEND).</summary>
    /// <exception cref="MailOperationException">FolderNotFound; NotAvailableOverPop3; or the server refused it, classified.</exception>
    Task ImportAsync(string folder, MimeKit.MimeMessage message, CancellationToken cancellationToken);

    /// <summary>Puts a draft into the Drafts folder, replacing <paramref name="previousId"/>; returns its id, or null where there is none (POP3).</summary>
    Task<string?> ReplaceDraftAsync(MimeKit.MimeMessage draft, string? previousId, CancellationToken cancellationToken);

    /// <summary>Removes a draft saved by <see cref="ReplaceDraftAsync"/>.</summary>
    Task DeleteDraftAsync(string draftId, CancellationToken cancellationToken);
}
