namespace WebMail.Client.Services;

/// <summary>
/// Read receipts (RFC 8098): sent only when the user agrees, never by themselves; sent or declined, the message is
/// marked so ($MDNSent over IMAP) and the user is not asked again.
/// </summary>
public interface IReadReceiptService
{
    /// <summary>Sends the receipt the message asked for, from the user's own address; nothing when it was sent or declined already.</summary>
    /// <returns>How sending went (its problem, as for any mail sent).</returns>
    Task<SendResult> SendAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>The user does not want to send one: the message is marked so, nothing is sent.</summary>
    /// <exception cref="MailOperationException">The server could not be told; the session remembers it anyway.</exception>
    Task DeclineAsync(string messageId, CancellationToken cancellationToken = default);
}
