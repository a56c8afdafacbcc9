using System.Diagnostics;
using MailKit;
using WebMail.Client.Services;
using WebMail.Server.Mail.Diagnostics;

namespace WebMail.Server.Mail.Connections;

/// <summary>
/// The one path every mail-server operation takes, IMAP, POP3 or SMTP, signed in or not: the caller's token linked
/// with the session's end and the endpoint's timeout, the connection dropped after any failure, one retry where a
/// stale connection is the likely cause, the duration metric recorded, and every failure classified into the one
/// vocabulary of <see cref="MailProblem"/>. Sessions' stores reach it through <see cref="MailOperationRunner"/>
/// (which adds one-at-a-time); sign-in, sending and the status page call it directly.
/// </summary>
public sealed class MailServerCalls(WebMailMetrics? metrics, ILogger<MailServerCalls> logger)
{
    /// <param name="operation">Gets the token bounded by the timeout and the session's end.</param>
    /// <param name="dropConnection">Called after any failure or cancellation: the connection's state is unknown then.</param>
    /// <param name="retryStaleConnection">Try once more when the first attempt fails as if the connection were gone:
    /// a server that dropped an idle connection is normal, and a fresh one hides it.</param>
    /// <exception cref="MailOperationException">The server could not do it, classified; or the session ended.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public async Task<T> RunAsync<T>(
        MailCallTarget target, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken,
        Func<Task>? dropConnection = null, bool retryStaleConnection = false)
    {
        if (target.Ended.IsCancellationRequested)
        {
            throw new MailOperationException(MailProblem.SessionEnded);
        }

        var started = Stopwatch.GetTimestamp();
        var outcome = "cancelled";
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, target.Ended);
                bounded.CancelAfter(target.Endpoint.Timeout);
                try
                {
                    var result = await operation(bounded.Token);
                    outcome = "ok";
                    return result;
                }
                catch (MailOperationException exception)
                {
                    // The operation's own answer (a message or folder not there): the connection is fine.
                    outcome = exception.Problem.ToString();
                    throw;
                }
                catch (Exception exception)
                {
                    if (dropConnection is not null)
                    {
                        await dropConnection();
                    }

                    if (cancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }

                    var problem = Classify(exception, target, bounded);
                    if (retryStaleConnection && attempt == 1 && problem is MailProblem.Unreachable or MailProblem.ProtocolError)
                    {
                        continue;
                    }

                    Log(target, problem, exception);
                    outcome = problem.ToString();
                    throw new MailOperationException(problem, exception);
                }
            }
        }
        finally
        {
            metrics?.MailCommand(target.Protocol, target.Purpose, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// Connects a new client, runs <paramref name="work"/> on it and says goodbye (QUIT), all inside one bounded call:
    /// for POP3 sign-in, sending and status checks, which keep no connection.
    /// </summary>
    /// <exception cref="MailOperationException">The server could not do it, classified; or the session ended.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public Task<T> RunOnNewConnectionAsync<TClient, T>(
        MailCallTarget target, Func<CancellationToken, Task<TClient>> connect, Func<TClient, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
        where TClient : IMailService =>
        RunAsync(target, async token =>
        {
            using var client = await connect(token);
            var result = await work(client, token);
            await client.DisconnectAsync(quit: true, token);
            return result;
        }, cancellationToken);

    private static MailProblem Classify(Exception exception, MailCallTarget target, CancellationTokenSource bounded)
    {
        if (target.Ended.IsCancellationRequested)
        {
            return MailProblem.SessionEnded;
        }

        // Our bound fired: whatever MailKit threw then (a TLS handshake cut short surfaces as SslHandshakeException),
        // the server was too slow.
        return bounded.IsCancellationRequested ? MailProblem.Timeout : MailProblemClassifier.Classify(exception);
    }

    private void Log(MailCallTarget target, MailProblem problem, Exception exception)
    {
        // The exception's type, never its message or data: those can echo what the client sent.
        var level = problem is MailProblem.AuthenticationFailed or MailProblem.SessionEnded ? LogLevel.Information : LogLevel.Warning;
        logger.Log(level, "{Protocol} {Purpose} for {Address} at {Endpoint} failed: {Problem} ({ExceptionType})",
            target.Protocol, target.Purpose, target.Account, target.Endpoint, problem, exception.GetType().Name);
    }
}
