using MimeKit;
using WebMail.Client.Services;
using WebMail.Server.Mail.Sessions;
using WebMail.Server.UserData;

namespace WebMail.Server.Mail.Contacts;

/// <summary>
/// What sending teaches the address book: the session remembers the recipients at once, the user's contacts count
/// one more message to each, and addresses not in the book are collected unless the user turned that off. The mail
/// goes whatever happens here: a database that is down costs the count, not the message.
/// </summary>
public sealed class WrittenRecipients(IContactStore contacts, IUserSettingsStore settings, ILogger<WrittenRecipients> logger)
{
    public async Task RecordAsync(SessionMailbox context, IReadOnlyList<MailboxAddress> recipients, CancellationToken cancellationToken)
    {
        context.AddressBook.Remember(recipients.Select(m => RecipientText.Mailbox(m.Name ?? "", m.Address)));
        try
        {
            var user = context.Session.Address;
            var collect = (await settings.FindAsync(user, cancellationToken) ?? UserSettings.Defaults).CollectRecipients;
            await contacts.RecordWrittenAsync(user, [.. recipients.Select(m => new Contact("", m.Name ?? "", [m.Address]))], collect, cancellationToken);
            context.AddressBook.ForgetContacts();
        }
        catch (MailOperationException exception) when (exception.Problem is MailProblem.SettingsUnavailable or MailProblem.TooManyContacts)
        {
            logger.LogWarning(exception, "Address book unavailable: recipients of a sent message not counted");
        }
    }
}
