namespace WebMail.Server.UserData;

/// <summary>
/// Migrates the user data store as the app starts. A database that cannot be reached does not stop the webmail:
/// mail works without settings, the settings page says so, and the first later use migrates.
/// </summary>
public sealed class UserDataStartup(UserDataSchema schema, ILogger<UserDataStartup> logger) : IHostedService
{
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(30);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(StartWait);
        try
        {
            await schema.EnsureCurrentAsync(wait.Token);
        }
        catch (Exception exception) when (UserDataFailures.IsUnavailable(exception) || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogError(exception, "The user data store cannot be reached; settings are unavailable until it can");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
