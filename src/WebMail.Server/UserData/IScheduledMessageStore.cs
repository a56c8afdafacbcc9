namespace WebMail.Server.UserData;

/// <summary>Messages to send later, held durably in the user data database until an instance sends them, once.</summary>
/// <remarks>Every method throws <see cref="Client.Services.MailOperationException"/> with SettingsUnavailable when the database cannot be used.</remarks>
public interface IScheduledMessageStore
{
    Task AddAsync(ScheduledMessageRow row, CancellationToken cancellationToken = default);

    /// <summary>The user's scheduled messages (waiting, being sent, or failed), soonest first.</summary>
    Task<IReadOnlyList<ScheduledMessageRow>> ForUserAsync(string address, CancellationToken cancellationToken = default);

    /// <summary>How many of the user's scheduled messages could not be sent (they wait for the user).</summary>
    Task<int> FailedCountAsync(string address, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="max"/> messages due by <paramref name="now"/> that nobody has claimed: each is
    /// returned to exactly one caller, whichever instance asks.
    /// </summary>
    Task<IReadOnlyList<ScheduledMessageRow>> ClaimDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>Claims that were never finished (the instance stopped while sending), older than <paramref name="claimedBefore"/>.</summary>
    Task<IReadOnlyList<ScheduledMessageRow>> StaleClaimsAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed message as not sent, for the user to see and take back.</summary>
    Task MarkFailedAsync(string id, string problem, string? draftId = null, CancellationToken cancellationToken = default);

    /// <summary>Removes the user's message and returns it, unless an instance has claimed it to send (then null).</summary>
    Task<ScheduledMessageRow?> TakeBackAsync(string address, string id, CancellationToken cancellationToken = default);

    /// <summary>Removes every message of the user that no instance is sending ("forget me").</summary>
    Task ForgetAsync(string address, CancellationToken cancellationToken = default);

    /// <summary>Removes a message (sent).</summary>
    Task RemoveAsync(string id, CancellationToken cancellationToken = default);
}
