namespace WebMail.Client.Services;

/// <param name="Problem"><see cref="MailProblem.None"/> when the server accepted the message.</param>
/// <param name="Detail">For a refused recipient: which address, and the server's own reply.</param>
/// <param name="SavedToSent">A copy was appended to the Sent folder (IMAP accounts).</param>
public sealed record SendResult(MailProblem Problem, string? Detail = null, bool SavedToSent = false)
{
    public bool Succeeded => Problem == MailProblem.None;

    /// <summary>Set while the message waits out the undo delay on the server: pass it to Complete or Undo.</summary>
    public string? PendingId { get; init; }

    /// <summary>How long the message waits before it goes out (the undo window).</summary>
    public TimeSpan UndoWindow { get; init; }
}
