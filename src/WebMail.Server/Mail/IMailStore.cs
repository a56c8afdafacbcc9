using WebMail.Client.Services;

namespace WebMail.Server.Mail;

/// <summary>One user's inbox on the mail server, over one protocol. Owned by the user's session.</summary>
/// <remarks>Failures surface as <see cref="MailOperationException"/>; cancellation as <see cref="OperationCanceledException"/>.</remarks>
public interface IMailStore : IAsyncDisposable
{
    /// <summary>A page of summaries, newest first, and how many messages there are in all.</summary>
    Task<(IReadOnlyList<MessageSummary> Messages, int TotalCount)> ListAsync(int pageIndex, int pageSize, CancellationToken cancellationToken);

    /// <summary>The raw message as stored on the server.</summary>
    Task<byte[]> DownloadAsync(string messageId, CancellationToken cancellationToken);

    Task DeleteAsync(string messageId, CancellationToken cancellationToken);

    Task SetReadAsync(string messageId, bool read, CancellationToken cancellationToken);

    /// <summary>Sets the \Answered flag of a message the user replied to (IMAP; POP3 has no flags).</summary>
    Task MarkAnsweredAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Keeps a copy of a sent message in the Sent folder. False where there is none (POP3).</summary>
    Task<bool> AppendToSentAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken);

    /// <summary>Puts a draft into the Drafts folder, replacing <paramref name="previousId"/>; returns its id, or null where there is none (POP3).</summary>
    Task<string?> ReplaceDraftAsync(MimeKit.MimeMessage draft, string? previousId, CancellationToken cancellationToken);

    /// <summary>Removes a draft saved by <see cref="ReplaceDraftAsync"/>.</summary>
    Task DeleteDraftAsync(string draftId, CancellationToken cancellationToken);
}
