namespace WebMail.Client.Services;

/// <summary>Why a message was not sent, each with its own text on the compose page.</summary>
public enum SendProblem
{
    None,
    NoRecipients,
    InvalidAddresses,
    TooLarge,
    RecipientRefused,
    AuthenticationFailed,
    Unreachable,
    Timeout,
    CertificateNotTrusted,
    ServerError,
    SessionEnded,

    /// <summary>The user pressed Undo in time: nothing was sent.</summary>
    Undone,
}

/// <param name="Problem"><see cref="SendProblem.None"/> when the server accepted the message.</param>
/// <param name="Detail">For a refused recipient: which address, and the server's own reply.</param>
/// <param name="SavedToSent">A copy was appended to the Sent folder (IMAP accounts).</param>
public sealed record SendResult(SendProblem Problem, string? Detail = null, bool SavedToSent = false)
{
    public bool Succeeded => Problem == SendProblem.None;

    /// <summary>Set while the message waits out the undo delay on the server: pass it to Complete or Undo.</summary>
    public string? PendingId { get; init; }

    /// <summary>How long the message waits before it goes out (the undo window).</summary>
    public TimeSpan UndoWindow { get; init; }
}
