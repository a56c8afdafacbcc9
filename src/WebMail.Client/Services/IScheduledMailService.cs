namespace WebMail.Client.Services;

/// <summary>The signed-in user's messages scheduled to be sent later (scheduling itself is <see cref="IComposeService.ScheduleAsync"/>).</summary>
public interface IScheduledMailService
{
    /// <exception cref="MailOperationException">SessionEnded; SettingsUnavailable when the store cannot be reached.</exception>
    Task<IReadOnlyList<ScheduledMessage>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>How many of them could not be sent and wait for the user (the inbox says so).</summary>
    /// <exception cref="MailOperationException">SessionEnded; SettingsUnavailable when the store cannot be reached.</exception>
    Task<int> FailedCountAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes a scheduled message back (it will not be sent) to write on in the compose form; null when it is gone or
    /// being sent right now.
    /// </summary>
    /// <exception cref="MailOperationException">SessionEnded; SettingsUnavailable when the store cannot be reached.</exception>
    Task<OutgoingMessage?> TakeBackAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Deletes a scheduled message unsent; false when it is gone or being sent right now.</summary>
    /// <exception cref="MailOperationException">SessionEnded; SettingsUnavailable when the store cannot be reached.</exception>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);
}
