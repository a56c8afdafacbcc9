using WebMail.Client.Services;

namespace WebMail.Server.UserData;

/// <summary>Users' settings, by address (compared without case).</summary>
/// <remarks>Every method throws <see cref="MailOperationException"/> with <see cref="MailProblem.SettingsUnavailable"/> when the database cannot be used.</remarks>
public interface IUserSettingsStore
{
    /// <summary>The user's settings, or null when they never saved any (or asked to be forgotten).</summary>
    Task<UserSettings?> FindAsync(string address, CancellationToken cancellationToken = default);

    Task SaveAsync(string address, UserSettings settings, CancellationToken cancellationToken = default);

    /// <returns>Whether there was anything to delete.</returns>
    Task<bool> DeleteAsync(string address, CancellationToken cancellationToken = default);
}
