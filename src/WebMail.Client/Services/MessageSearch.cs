namespace WebMail.Client.Services;

/// <summary>
/// What to look for; every field given must match (AND). <see cref="Text"/> matches sender, recipients, subject or
/// body. Dates are inclusive. IMAP runs it on the server (SEARCH, UTF-8); POP3 over the headers of the mailbox (no body text).
/// </summary>
public sealed record MessageSearch(
    string? Text = null, string? From = null, string? To = null, string? Subject = null, string? Body = null,
    DateOnly? Since = null, DateOnly? Until = null)
{
    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To)
        && string.IsNullOrWhiteSpace(Subject) && string.IsNullOrWhiteSpace(Body) && Since is null && Until is null;
}
