namespace WebMail.Client.Services;

/// <summary>A mail operation failed in a way the user can be told about (each <see cref="MailProblem"/> has a text).</summary>
public sealed class MailOperationException(MailProblem problem, Exception? inner = null)
    : Exception($"Mail operation failed: {problem}", inner)
{
    public MailProblem Problem { get; } = problem;
}
