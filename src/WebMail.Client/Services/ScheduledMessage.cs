namespace WebMail.Client.Services;

/// <summary>A message the user scheduled, as the Scheduled list shows it.</summary>
/// <param name="Problem">Why it could not be sent at its time (it waits for the user); null while it waits or is being sent.</param>
/// <param name="Sending">An instance is sending it right now: it can no longer be changed.</param>
/// <param name="KeptInDrafts">Not sent, and put into the Drafts folder too (where other mail programs see it).</param>
public sealed record ScheduledMessage(string Id, DateTimeOffset SendAt, string To, string Subject, MailProblem? Problem, bool Sending, bool KeptInDrafts = false);
