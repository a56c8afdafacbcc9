using Microsoft.AspNetCore.Components.Authorization;
using WebMail.Client.Services;
using WebMail.Server.Mail;

namespace WebMail.Server.UserData;

/// <summary>The settings of this circuit's signed-in user, cleaned before they are kept.</summary>
public sealed class UserSettingsService(
    CurrentMailbox current, AuthenticationStateProvider authentication, IUserSettingsStore store, IScheduledMessageStore scheduled, IKeptDraftStore drafts)
    : IUserSettingsService
{
    public async Task<UserSettings> GetAsync(CancellationToken cancellationToken = default) =>
        await store.FindAsync(await AddressAsync(), cancellationToken) ?? UserSettings.Defaults;

    public async Task<UserSettings> SaveAsync(UserSettings settings, CancellationToken cancellationToken = default)
    {
        var clean = UserSettingsRules.Clean(settings);
        await store.SaveAsync(await AddressAsync(), clean, cancellationToken);
        return clean;
    }

    /// <summary>Everything kept for the user beyond the session: settings, templates, scheduled messages (unsent), a POP3 draft.</summary>
    public async Task ForgetAsync(CancellationToken cancellationToken = default)
    {
        var address = await AddressAsync();
        await store.DeleteAsync(address, cancellationToken);
        await scheduled.ForgetAsync(address, cancellationToken);
        await drafts.DeleteAsync(address, cancellationToken);
    }

    private async Task<string> AddressAsync() => (await current.ForAsync(authentication)).Session.Address;
}
