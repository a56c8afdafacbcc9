using Microsoft.AspNetCore.Components.Authorization;
using WebMail.Client.Services;

namespace WebMail.Server.Mail;

/// <summary>The UI's view of the inbox, for the user of this circuit.</summary>
public sealed class MailboxService(CurrentMailSession current, AuthenticationStateProvider authentication) : IMailboxService
{
    public async Task<MessagePage> ListAsync(int pageIndex, int pageSize, bool refresh = false, CancellationToken cancellationToken = default) =>
        await (await current.ForAsync(authentication)).ListAsync(Math.Max(0, pageIndex), Math.Clamp(pageSize, 1, 200), refresh, cancellationToken);

    public async Task<MessageView> OpenAsync(string messageId, CancellationToken cancellationToken = default) =>
        (await (await current.ForAsync(authentication)).OpenAsync(messageId, cancellationToken)).View;

    public async Task<string> GetSourceAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var rendered = await (await current.ForAsync(authentication)).OpenAsync(messageId, cancellationToken);
        // Raw mail is mostly ASCII; 8-bit bodies in other charsets show as replacement characters, as in any "view source".
        return System.Text.Encoding.UTF8.GetString(rendered.Raw);
    }

    public async Task DeleteAsync(string messageId, CancellationToken cancellationToken = default) =>
        await (await current.ForAsync(authentication)).DeleteAsync(messageId, cancellationToken);

    public async Task SetReadAsync(string messageId, bool read, CancellationToken cancellationToken = default) =>
        await (await current.ForAsync(authentication)).SetReadAsync(messageId, read, cancellationToken);
}
