namespace WebMail.Client.Services;

/// <summary>The signed-in user's settings, kept beyond the session (SQLite by default, PostgreSQL for several instances).</summary>
public interface IUserSettingsService
{
    /// <summary>The user's settings, or the defaults for someone who never saved any.</summary>
    /// <exception cref="MailOperationException">SessionEnded when nobody is signed in; SettingsUnavailable when the store cannot be reached.</exception>
    Task<UserSettings> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Keeps the settings (cleaned: lengths bounded, line breaks removed from the name).</summary>
    /// <exception cref="MailOperationException">SessionEnded when nobody is signed in; SettingsUnavailable when the store cannot be reached.</exception>
    Task<UserSettings> SaveAsync(UserSettings settings, CancellationToken cancellationToken = default);

    /// <summary>Deletes everything kept about the user ("forget me"); they start again from the defaults.</summary>
    /// <exception cref="MailOperationException">SessionEnded when nobody is signed in; SettingsUnavailable when the store cannot be reached.</exception>
    Task ForgetAsync(CancellationToken cancellationToken = default);
}
