namespace WebMail.Client.Services;

/// <summary>The signed-in user's address book, for the contacts page and "add to contacts".</summary>
/// <remarks>Every method throws <see cref="MailOperationException"/>: SettingsUnavailable when the address book cannot be reached, TooManyContacts when it is full.</remarks>
public interface IContactsService
{
    Task<IReadOnlyList<Contact>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The ids of the contacts <paramref name="typed"/> finds, as the compose form finds people: by name (pinyin and initials too), address, number or phone.</summary>
    Task<IReadOnlySet<string>> MatchingAsync(string typed, CancellationToken cancellationToken = default);

    /// <summary>Adds (empty id) or changes a contact or group; null when it holds nothing worth keeping (no address, a group without a name).</summary>
    Task<Contact?> SaveAsync(Contact contact, CancellationToken cancellationToken = default);

    Task DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>"Add to contacts" from a message: a new contact, or the address added to the one that has it; true when new.</summary>
    Task<bool> AddAsync(string name, string address, CancellationToken cancellationToken = default);

    /// <summary>Reads a vCard (.vcf) or CSV file and merges it into the address book; NotContacts when it holds none.</summary>
    Task<ContactImportResult> ImportAsync(string fileName, byte[] content, CancellationToken cancellationToken = default);

    /// <summary>Forgets the collected addresses the user never saved; how many were forgotten.</summary>
    Task<int> ClearCollectedAsync(CancellationToken cancellationToken = default);
}
