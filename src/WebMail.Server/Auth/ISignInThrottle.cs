namespace WebMail.Server.Auth;

/// <summary>
/// Where sign-in attempts are counted: <see cref="SignInThrottle"/> in this process, or
/// <see cref="SharedSignInThrottle"/> in Redis when several instances must count together.
/// </summary>
public interface ISignInThrottle
{
    /// <summary>
    /// Starts an attempt when it is allowed now (dispose it when the mail server has answered, after
    /// <see cref="ISignInAttempt.Failed"/> or <see cref="ISignInAttempt.Succeeded"/>); otherwise null and how long to wait.
    /// </summary>
    Task<(ISignInAttempt? Attempt, TimeSpan Wait)> TryBeginAsync(string account, string clientAddress, CancellationToken cancellationToken);
}

/// <summary>One sign-in waiting for the mail server; counted as a failure until it is known not to be one.</summary>
public interface ISignInAttempt : IAsyncDisposable
{
    /// <summary>The password was wrong: counted once the attempt is disposed.</summary>
    void Failed();

    /// <summary>The password was right: the account's failures are forgotten.</summary>
    void Succeeded();
}
