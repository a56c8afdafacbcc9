namespace WebMail.Client.Services;

/// <summary>Signing in with school mail credentials. Used by the (statically rendered) sign-in page.</summary>
public interface IAccountService
{
    SignInChoices GetSignInChoices();

    /// <summary>A problem to show on the sign-in page before the user submits anything, e.g. the session store is down.</summary>
    MailProblem? PendingProblem();

    /// <summary>
    /// Proves the user to their domain's mail server and, on success, starts a session and issues its cookie.
    /// Failures are results, not exceptions: the page shows each one in plain language.
    /// </summary>
    /// <exception cref="OperationCanceledException">The request was aborted.</exception>
    Task<SignInResult> SignInAsync(SignInRequest request, CancellationToken cancellationToken = default);
}
