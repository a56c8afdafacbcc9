using WebMail.Client.Services;

namespace WebMail.ComponentTests;

/// <summary>Settings kept in memory; <see cref="Unavailable"/> makes every call fail as a database that is down would.</summary>
public sealed class FakeUserSettings : IUserSettingsService
{
    public UserSettings Kept { get; set; } = UserSettings.Defaults;

    public bool Unavailable { get; set; }

    public int Saves { get; private set; }

    public Task<UserSettings> GetAsync(CancellationToken cancellationToken = default) => Answer(() => Kept);

    public Task<UserSettings> SaveAsync(UserSettings settings, CancellationToken cancellationToken = default) => Answer(() =>
    {
        Saves++;
        return Kept = settings;
    });

    public Task ForgetAsync(CancellationToken cancellationToken = default) => Answer(() => Kept = UserSettings.Defaults);

    private Task<T> Answer<T>(Func<T> answer) =>
        Unavailable ? Task.FromException<T>(new MailOperationException(MailProblem.SettingsUnavailable)) : Task.FromResult(answer());
}
