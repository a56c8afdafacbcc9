namespace WebMail.Server.Mail.Smtp;

/// <summary>
/// Sends, at start and every few seconds, the held messages nobody is sending: those of a previous run of this
/// instance, or of another instance that stopped during a message's undo delay.
/// </summary>
public sealed class OutboxRecoveryService(Outbox outbox, ILogger<OutboxRecoveryService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await outbox.SendOverdueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Looking for held messages to send failed ({ExceptionType}); trying again shortly", exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
