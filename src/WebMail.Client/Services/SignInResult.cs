namespace WebMail.Client.Services;

/// <param name="Problem"><see cref="MailProblem.None"/> when the user is signed in.</param>
/// <param name="RetryAfter">With <see cref="MailProblem.TooManyAttempts"/>: how long until the next try is allowed.</param>
public sealed record SignInResult(MailProblem Problem, TimeSpan? RetryAfter = null)
{
    /// <summary>
    /// With <see cref="MailProblem.AuthenticationFailed"/>: the mail server's own words, cleaned and shortened (QQ Mail
    /// and many Coremail schools say there that a client authorization code, not the password, is needed).
    /// </summary>
    public string? ServerReply { get; init; }

    /// <summary>With <see cref="MailProblem.AuthenticationFailed"/>: what the school says about signing in (its configured hint).</summary>
    public string? Hint { get; init; }

    public static readonly SignInResult Success = new(MailProblem.None);

    public bool Succeeded => Problem == MailProblem.None;
}
