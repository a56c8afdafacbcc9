using WebMail.Client.Services;

namespace WebMail.Server.Mail.Diagnostics;

/// <summary>
/// Answers every status check within <see cref="FreshFor"/> from the last one, and lets callers that arrive while a
/// check runs share it. The status page and the readiness probe can be asked by anyone; without this each request
/// opened a TLS connection to every configured mail server, so a loop of anonymous requests became a flood at the
/// school's mail servers.
/// </summary>
public sealed class CachedMailServerStatus(IMailServerStatusService inner, TimeProvider clock) : IMailServerStatusService
{
    /// <summary>Long enough to absorb a burst of requests, short enough that an operator sees a recovery soon.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(15);

    private readonly Lock _lock = new();
    private Task<IReadOnlyList<MailServerStatus>>? _check;
    private DateTimeOffset _startedAt;

    public Task<IReadOnlyList<MailServerStatus>> CheckAllAsync(CancellationToken cancellationToken = default)
    {
        Task<IReadOnlyList<MailServerStatus>> check;
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            var stale = _check is null || _check.IsFaulted || _check.IsCanceled || now - _startedAt >= FreshFor;
            if (stale)
            {
                // Not the caller's token: a caller that leaves must not cancel the check others are waiting for.
                // Each server's own connect timeout bounds it.
                _check = inner.CheckAllAsync(CancellationToken.None);
                _startedAt = now;
            }

            check = _check!;
        }

        return check.WaitAsync(cancellationToken);
    }
}
