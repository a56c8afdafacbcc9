namespace WebMail.Client.Services;

/// <param name="Problem"><see cref="MailProblem.None"/> when the user is signed in.</param>
/// <param name="RetryAfter">With <see cref="MailProblem.TooManyAttempts"/>: how long until the next try is allowed.</param>
public sealed record SignInResult(MailProblem Problem, TimeSpan? RetryAfter = null)
{
    public static readonly SignInResult Success = new(MailProblem.None);

    public bool Succeeded => Problem == MailProblem.None;
}
