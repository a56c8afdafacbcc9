using Microsoft.Extensions.Options;

namespace WebMail.Server.Mail.Sessions;

/// <summary>Ends timed-out sessions even when nobody comes back to them, so their passwords do not linger.</summary>
public sealed class SessionExpiryService(UserSessionStore sessions, IOptionsMonitor<UserSessionOptions> options)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CurrentValue.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await sessions.EndExpiredAsync();
        }
    }
}
