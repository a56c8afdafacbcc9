namespace WebMail.Client.Services;

/// <summary>A mail operation failed in a way the user can be told about (each <see cref="MailProblem"/> has a text).</summary>
/// <param name="detail">The server's own words, where they tell the user more than the problem's text (a refused filter's line and reason).</param>
public sealed class MailOperationException(MailProblem problem, Exception? inner = null, string? detail = null)
    : Exception($"Mail operation failed: {problem}", inner)
{
    public MailProblem Problem { get; } = problem;

    public string? Detail { get; } = detail;
}
