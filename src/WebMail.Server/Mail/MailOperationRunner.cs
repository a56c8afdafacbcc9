using System.Diagnostics;
using WebMail.Client.Services;
using WebMail.Server.Mail.Diagnostics;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Mail;

/// <summary>
/// The one way a store talks to its server: one operation at a time per session (MailKit clients are not
/// thread-safe), bounded by the endpoint's timeout and by the session's end, with failures mapped to
/// <see cref="MailOperationException"/>. A broken connection is dropped and the operation tried once more.
/// </summary>
/// <param name="protocol">"imap" or "pop3": the tag of the operation's duration metric.</param>
public sealed class MailOperationRunner(
    UserSession session, MailEndpointOptions endpoint, ILogger logger, string protocol = "", WebMailMetrics? metrics = null)
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
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, Func<Task> dropConnection, CancellationToken cancellationToken)
    {
        if (session.IsEnded)
        {
            throw new MailOperationException(MailProblem.SessionEnded);
        }

        await _gate.WaitAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var outcome = "cancelled";
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, session.Ended);
                bounded.CancelAfter(endpoint.Timeout);
                try
                {
                    var result = await operation(bounded.Token);
                    outcome = "ok";
                    return result;
                }
                catch (MailOperationException exception)
                {
                    outcome = exception.Problem.ToString();
                    throw;
                }
                catch (Exception exception)
                {
                    await dropConnection();
                    if (cancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }

                    if (session.IsEnded)
                    {
                        throw new MailOperationException(MailProblem.SessionEnded, exception);
                    }

                    var problem = bounded.IsCancellationRequested ? MailProblem.Timeout : MailProblemClassifier.Classify(exception);
                    // A server that dropped an idle connection is normal; one retry on a fresh connection hides it.
                    if (attempt == 1 && problem is MailProblem.Unreachable or MailProblem.ProtocolError)
                    {
                        continue;
                    }

                    logger.LogWarning("Mail operation for {Address} failed: {Problem} ({ExceptionType})",
                        session.Address, problem, exception.GetType().Name);
                    outcome = problem.ToString();
                    throw new MailOperationException(problem, exception);
                }
            }
        }
        finally
        {
            _gate.Release();
            metrics?.MailCommand(protocol, outcome, Stopwatch.GetElapsedTime(started));
        }
    }
}
