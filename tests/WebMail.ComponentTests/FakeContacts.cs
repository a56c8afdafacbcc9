using WebMail.Client.Services;

namespace WebMail.ComponentTests;

/// <summary>An address book in memory, as the contacts page and the reader's "Add to contacts" see it.</summary>
public sealed class FakeContacts : IContactsService
{
    public List<Contact> Book { get; } = [];

    /// <summary>When set, every call fails with it.</summary>
    public MailProblem? Failing { get; set; }

    public List<(string FileName, byte[] Content)> Imported { get; } = [];

    public Task<IReadOnlyList<Contact>> ListAsync(CancellationToken cancellationToken = default) =>
        Run<IReadOnlyList<Contact>>(() => [.. Book]);

    public Task<Contact?> SaveAsync(Contact contact, CancellationToken cancellationToken = default) => Run(() =>
    {
        if (contact.Addresses.Count == 0)
        {
            return null;
        }

        var saved = contact with { Id = contact.Id.Length > 0 ? contact.Id : Guid.NewGuid().ToString("N"), Collected = false };
        Book.RemoveAll(c => c.Id == saved.Id);
        Book.Add(saved);
        return (Contact?)saved;
    });

    /// <summary>What the server's matcher would find (pinyin included), by what is typed; unset, nothing matches.</summary>
    public Dictionary<string, string[]> Matches { get; } = [];

    public Task<IReadOnlySet<string>> MatchingAsync(string typed, CancellationToken cancellationToken = default) =>
        Run<IReadOnlySet<string>>(() => Matches.TryGetValue(typed, out var ids) ? ids.ToHashSet() : new HashSet<string>());

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) => Run(() => Book.RemoveAll(c => c.Id == id));

    public Task<bool> AddAsync(string name, string address, CancellationToken cancellationToken = default) => Run(() =>
    {
        if (Book.Any(c => c.Addresses.Contains(address, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        Book.Add(new Contact(Guid.NewGuid().ToString("N"), name, [address]));
        return true;
    });

    public Task<ContactImportResult> ImportAsync(string fileName, byte[] content, CancellationToken cancellationToken = default) => Run(() =>
    {
        Imported.Add((fileName, content));
        return new ContactImportResult(2, 1, 0);
    });

    public Task<int> ClearCollectedAsync(CancellationToken cancellationToken = default) => Run(() => Book.RemoveAll(c => c.Collected));

    private Task<T> Run<T>(Func<T> work) =>
        Failing is { } problem ? Task.FromException<T>(new MailOperationException(problem)) : Task.FromResult(work());
}
