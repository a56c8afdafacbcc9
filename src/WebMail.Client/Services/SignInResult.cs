namespace WebMail.Client.Services;

/// <param name="Problem"><see cref="SignInProblem.None"/> when the user is signed in.</param>
/// <param name="RetryAfter">With <see cref="SignInProblem.TooManyAttempts"/>: how long until the next try is allowed.</param>
public sealed record SignInResult(SignInProblem Problem, TimeSpan? RetryAfter = null)
{
    public static readonly SignInResult Success = new(SignInProblem.None);

    public bool Succeeded => Problem == SignInProblem.None;
}
