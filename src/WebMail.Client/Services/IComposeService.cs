namespace WebMail.Client.Services;

/// <summary>Writing and sending mail as the signed-in user, through the school's SMTP submission server.</summary>
public interface IComposeService
{
    /// <summary>Largest total size of attachments one message may carry (bytes).</summary>
    long MaxAttachmentBytes { get; }

    /// <summary>Largest single attachment (bytes).</summary>
    long MaxAttachmentBytesPerFile { get; }

    /// <summary>
    /// The addresses the user may send from: their own first, then any alias the school lists for them. A message
    /// whose <see cref="OutgoingMessage.From"/> is none of these is refused.
    /// </summary>
    Task<IReadOnlyList<string>> SenderAddressesAsync();

    /// <summary>Parses an address field (comma or semicolon separated, display names and international domains allowed).</summary>
    AddressCheck CheckAddresses(string field);

    /// <summary>
    /// A message prepared from one the user read: recipients (reply all leaves out the user's own address), a
    /// subject with one "Re:" or "Fwd:", the original quoted under an "On …, … wrote:" line, In-Reply-To and
    /// References; a forward carries the original attachments.
    /// </summary>
    /// <exception cref="MailOperationException">The original cannot be opened.</exception>
    Task<OutgoingMessage> PrepareAsync(ComposeMode mode, string messageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends the message from the signed-in user's own address, then keeps a copy in Sent (IMAP).
    /// Failures are results the form shows (and keeps every field for); only cancellation throws.
    /// </summary>
    /// <remarks>
    /// With an undo delay configured, the result comes at once with a <see cref="SendResult.PendingId"/>: the message
    /// waits on the server (and goes out even if the browser goes away) unless <see cref="UndoAsync"/> is called in time.
    /// </remarks>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks the message as <see cref="SendAsync"/> does and holds it, durably, to be sent at <paramref name="sendAt"/>
    /// by whichever instance runs then, once, even if the user is not signed in.
    /// </summary>
    /// <returns>None when scheduled; ScheduledTimeNotAhead for a time not at least a minute ahead; the send problems; SettingsUnavailable when it cannot be held.</returns>
    Task<SendResult> ScheduleAsync(OutgoingMessage message, DateTimeOffset sendAt, CancellationToken cancellationToken = default);

    /// <summary>Waits for a pending message to go out (or fail) and returns how it went.</summary>
    Task<SendResult> CompleteAsync(string pendingId, CancellationToken cancellationToken = default);

    /// <summary>Stops a pending message. False when it is already on its way (or unknown to this session).</summary>
    Task<bool> UndoAsync(string pendingId);
}
