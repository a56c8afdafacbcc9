using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using MimeKit;
using WebMail.Client.Services;
using WebMail.Server.Mail.Drafts;
using WebMail.Server.Mail.Rendering;
using WebMail.Server.UserData;

namespace WebMail.Server.Mail.Smtp;

/// <summary>The circuit user's scheduled messages: listed, taken back into the compose form, or deleted.</summary>
public sealed class ScheduledMailService(
    CurrentMailbox current, AuthenticationStateProvider authentication, IScheduledMessageStore store, IDataProtectionProvider dataProtection)
    : IScheduledMailService
{
    public async Task<IReadOnlyList<ScheduledMessage>> ListAsync(CancellationToken cancellationToken = default)
    {
        var protector = HeldMessage.Protector(dataProtection);
        var rows = await store.ForUserAsync(await AddressAsync(), cancellationToken);
        return rows.Select(row => Describe(row, protector)).ToList();
    }

    public async Task<int> FailedCountAsync(CancellationToken cancellationToken = default) =>
        await store.FailedCountAsync(await AddressAsync(), cancellationToken);

    public async Task<TakenBackMessage?> TakeBackAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await store.TakeBackAsync(await AddressAsync(), id, cancellationToken) is not { } row)
        {
            return null;
        }

        var held = HeldMessage.Open(HeldMessage.Protector(dataProtection), row.Sealed);
        return new TakenBackMessage(DraftReader.Read(MessageRenderer.Render(held.Id, held.Mime)) with { RepliedToId = held.RepliedToId }, row.DraftId);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        await store.TakeBackAsync(await AddressAsync(), id, cancellationToken) is not null;

    private async Task<string> AddressAsync() => (await current.ForAsync(authentication)).Session.Address;

    private static ScheduledMessage Describe(ScheduledMessageRow row, IDataProtector protector)
    {
        var sendAt = DateTimeOffset.FromUnixTimeMilliseconds(row.SendAt);
        var problem = Enum.TryParse<MailProblem>(row.Problem, out var parsed) ? parsed : (MailProblem?)null;
        var sending = row.ClaimedAt is not null && row.Problem is null;
        try
        {
            // The headers only: the list needs the recipients and the subject, not the text and attachments.
            var headers = HeaderList.Load(new MemoryStream(HeldMessage.Open(protector, row.Sealed).Mime, writable: false));
            var recipients = new[] { HeaderId.To, HeaderId.Cc }
                .Select(id => headers.FirstOrDefault(h => h.Id == id))
                .SelectMany(header => header is not null && InternetAddressList.TryParse(header.RawValue, out var list) ? list.Mailboxes : []);
            var to = string.Join(", ", recipients.Select(m => string.IsNullOrEmpty(m.Name) ? m.Address : m.Name));
            return new ScheduledMessage(row.Id, sendAt, to, headers[HeaderId.Subject] ?? "", problem, sending, row.DraftId is not null);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return new ScheduledMessage(row.Id, sendAt, "", "", problem ?? MailProblem.ProtocolError, sending);
        }
    }
}
