using WebMail.Client.Services;
using WebMail.Server.Mail.Contacts;

namespace WebMail.Server.UserData;

/// <summary>Users' address books, by the user's address (any case). Everything given is cleaned by <see cref="ContactRules"/>.</summary>
/// <remarks>
/// Every method throws <see cref="MailOperationException"/> with SettingsUnavailable when the database cannot be used,
/// and adding past <see cref="Contact.MaxContacts"/> with TooManyContacts.
/// </remarks>
public interface IContactStore
{
    /// <summary>The user's contacts and groups, collected addresses included, in no particular order.</summary>
    Task<IReadOnlyList<Contact>> ListAsync(string user, CancellationToken cancellationToken = default);

    /// <summary>Adds (an empty <see cref="Contact.Id"/>) or replaces one; a collected address saved becomes an ordinary contact.</summary>
    /// <returns>The contact as kept, or null when it was not there to replace or holds nothing worth keeping.</returns>
    Task<Contact?> SaveAsync(string user, Contact contact, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string user, string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts a message the user sent: each recipient that is a contact's address is written to once more; the others
    /// are kept as collected addresses when <paramref name="collect"/> (the user may turn that off).
    /// </summary>
    Task RecordWrittenAsync(string user, IReadOnlyList<Contact> recipients, bool collect, CancellationToken cancellationToken = default);

    /// <summary>Forgets every collected address that the user never saved.</summary>
    Task<int> ClearCollectedAsync(string user, CancellationToken cancellationToken = default);

    /// <summary>Adds imported contacts, merging each into the one that shares an address (a group: its name) instead of doubling it.</summary>
    Task<ContactImportResult> ImportAsync(string user, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken = default);
}
