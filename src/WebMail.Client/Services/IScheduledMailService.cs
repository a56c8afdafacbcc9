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
    /// being sent right now. One that failed was put into the Drafts folder too (IMAP): its id there comes along, so
    /// the form writes on that copy instead of making a second one.
    /// </summary>
    /// <exception cref="MailOperationException">SessionEnded; SettingsUnavailable when the store cannot be reached.</exception>
    Task<TakenBackMessage?> TakeBackAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Deletes a scheduled message unsent; false when it is gone or being sent right now.</summary>
    /// <exception cref="MailOperationException">SessionEnded; SettingsUnavailable when the store cannot be reached.</exception>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);
}

/// <summary>A scheduled message taken back into the compose form; <paramref name="DraftId"/> is its copy in the Drafts folder, if it failed and has one.</summary>
public sealed record TakenBackMessage(OutgoingMessage Message, string? DraftId);
