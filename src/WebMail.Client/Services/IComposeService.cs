namespace WebMail.Client.Services;

/// <summary>Writing and sending mail as the signed-in user, through the school's SMTP submission server.</summary>
public interface IComposeService
{
    /// <summary>Largest total size of attachments one message may carry (bytes).</summary>
    long MaxAttachmentBytes { get; }

    /// <summary>Parses an address field (comma or semicolon separated, display names and international domains allowed).</summary>
    AddressCheck CheckAddresses(string field);

    /// <summary>
    /// Sends the message from the signed-in user's own address, then keeps a copy in Sent (IMAP).
    /// Failures are results the form shows (and keeps every field for); only cancellation throws.
    /// </summary>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default);
}
