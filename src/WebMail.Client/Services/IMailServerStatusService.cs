namespace WebMail.Client.Services;

/// <summary>Checks that the configured mail servers answer, without signing in.</summary>
public interface IMailServerStatusService
{
    /// <summary>
    /// Connects to every configured server (with TLS as configured), then disconnects.
    /// Never throws for a server's failure: each result carries its <see cref="MailProblem"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    Task<IReadOnlyList<MailServerStatus>> CheckAllAsync(CancellationToken cancellationToken = default);
}
