using Microsoft.AspNetCore.Components.Authorization;
using WebMail.Client.Services;
using WebMail.Server.Mail;

namespace WebMail.Server.UserData;

/// <summary>
/// The settings of this circuit's signed-in user, cleaned before they are kept; read from the store once per
/// session on this instance (the reader asks for every message with remote content), and kept current by saves here.
/// </summary>
public sealed class UserSettingsService(
    CurrentMailbox current, AuthenticationStateProvider authentication, IUserSettingsStore store, IScheduledMessageStore scheduled, IKeptDraftStore drafts)
    : IUserSettingsService
{
    public async Task<UserSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        var mailbox = await current.ForAsync(authentication);
        return mailbox.Settings ??= await store.FindAsync(mailbox.Session.Address, cancellationToken) ?? UserSettings.Defaults;
    }

    public async Task<UserSettings> SaveAsync(UserSettings settings, CancellationToken cancellationToken = default)
    {
        var mailbox = await current.ForAsync(authentication);
        var clean = UserSettingsRules.Clean(settings);
        await store.SaveAsync(mailbox.Session.Address, clean, cancellationToken);
        return mailbox.Settings = clean;
    }

    /// <summary>Everything kept for the user beyond the session: settings, templates, scheduled messages (unsent), a POP3 draft.</summary>
    public async Task ForgetAsync(CancellationToken cancellationToken = default)
    {
        var mailbox = await current.ForAsync(authentication);
        var address = mailbox.Session.Address;
        mailbox.Settings = null;
        await store.DeleteAsync(address, cancellationToken);
        await scheduled.ForgetAsync(address, cancellationToken);
        await drafts.DeleteAsync(address, cancellationToken);
    }

}
