using WebMail.Client.Services;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Mail;

/// <summary>
/// A session's store talks to its server through this: one operation at a time (MailKit clients are not
/// thread-safe), each through the one path of <see cref="MailServerCalls"/> (bounded by the endpoint's timeout and
/// the session's end, the connection dropped after a failure and tried once more, failures classified).
/// </summary>
public sealed class MailOperationRunner(UserSession session, MailCallTarget target, MailServerCalls calls)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Runs <paramref name="action"/> only if no operation is under way; says whether it ran.</summary>
    public async Task<bool> TryWhenIdleAsync(Func<Task> action)
    {
        if (!await _gate.WaitAsync(0))
        {
            return false;
        }

        try
        {
            await action();
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <param name="operation">Gets the token bounded by the timeout and the session's end.</param>
    /// <param name="dropConnection">Called after any failure or cancellation: the connection's state is unknown then.</param>
    /// <exception cref="MailOperationException">The server could not do it, classified; or the session ended.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, Func<Task> dropConnection, CancellationToken cancellationToken)
    {
        if (session.IsEnded)
        {
            throw new MailOperationException(MailProblem.SessionEnded);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await calls.RunAsync(target, operation, cancellationToken, dropConnection, retryStaleConnection: true);
        }
        finally
        {
            _gate.Release();
        }
    }
}
