using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using WebMail.Client.Services;
using WebMail.Server.UserData;

namespace WebMail.Server.Mail.Smtp;

/// <summary>
/// Sends scheduled messages when they are due, from whichever instance looks first (each is claimed by exactly one),
/// as their user whether or not they are signed in. One that cannot be sent (a refused recipient, a changed password,
/// a server down) stays in the store marked failed: the user sees it in the Scheduled list and the inbox tells them,
/// and they take it back into the compose form. One whose instance stopped mid-send is marked failed too, after
/// <see cref="ClaimTimeout"/>: whether it left is unknown, and sending it twice is worse than asking.
/// </summary>
public sealed class ScheduledSendService(
    IScheduledMessageStore store,
    HeldMessageSender sender,
    IDataProtectionProvider dataProtection,
    IOptionsMonitor<ComposeOptions> options,
    TimeProvider clock,
    ILogger<ScheduledSendService> logger) : BackgroundService
{
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Messages taken per look; the rest wait for the next one.</summary>
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CurrentValue.ScheduledCheckInterval, clock);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Looking for scheduled messages failed ({ExceptionType}); trying again shortly", exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SendDueAsync(CancellationToken cancellationToken)
    {
        foreach (var stale in await store.StaleClaimsAsync(clock.GetUtcNow() - ClaimTimeout, cancellationToken))
        {
            logger.LogWarning("A scheduled message of {Address} was being sent by an instance that stopped: left to its user", stale.UserAddress);
            await store.MarkFailedAsync(stale.Id, nameof(MailProblem.Timeout), cancellationToken: cancellationToken);
        }

        var protector = HeldMessage.Protector(dataProtection);
        foreach (var row in await store.ClaimDueAsync(clock.GetUtcNow(), BatchSize, cancellationToken))
        {
            HeldMessage held;
            try
            {
                held = HeldMessage.Open(protector, row.Sealed);
            }
            catch (CryptographicException)
            {
                logger.LogError("A scheduled message of {Address} cannot be read: the Data Protection keys changed", row.UserAddress);
                await store.MarkFailedAsync(row.Id, nameof(MailProblem.ProtocolError), cancellationToken: cancellationToken);
                continue;
            }

            var result = await sender.SendAsync(held);
            if (result.Succeeded)
            {
                await store.RemoveAsync(row.Id, CancellationToken.None);
            }
            else
            {
                logger.LogWarning("A scheduled message of {Address} was not sent: {Problem}", row.UserAddress, result.Problem);
                // A draft again, where all the user's mail programs see it (IMAP, when the server takes it).
                var draftId = await sender.KeepAsDraftAsync(held);
                await store.MarkFailedAsync(row.Id, result.Problem.ToString(), draftId, CancellationToken.None);
            }
        }
    }
}
