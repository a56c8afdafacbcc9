using WebMail.Client.Services;
using WebMail.Server.UserData;

namespace WebMail.Server.Mail.Contacts;

/// <summary>
/// What a session knows of the people its user writes to: the senders of the mail it listed (bounded, gone at
/// sign-out) and the user's address book as last read (<see cref="ContactIndex"/>), kept a short while so typing
/// asks the database nothing; changed contacts are read again at once on this instance, after <see cref="Fresh"/> on another.
/// </summary>
public sealed class SessionAddressBook
{
    public static readonly TimeSpan Fresh = TimeSpan.FromMinutes(2);

    private const int MaxAddresses = 5_000;
    private readonly Dictionary<string, (string Name, MatchableText Matchable, string Mailbox)> _seen = new(StringComparer.OrdinalIgnoreCase);
    private (ContactIndex Index, DateTimeOffset ReadAt)? _contacts;

    /// <summary>Remembers mailboxes ("Name &lt;address&gt;" or a bare address) the user read mail from or wrote to.</summary>
    public void Remember(IEnumerable<string> mailboxes)
    {
        lock (_seen)
        {
            foreach (var mailbox in mailboxes)
            {
                var address = ContactRules.AddressOf(mailbox);
                if (_seen.Count >= MaxAddresses)
                {
                    return;
                }

                if (address.Contains('@') && !_seen.ContainsKey(address))
                {
                    var name = MimeKit.MailboxAddress.TryParse(mailbox, out var parsed) ? parsed.Name ?? "" : "";
                    _seen[address] = (name, new MatchableText(name), mailbox);
                }
            }
        }
    }

    /// <summary>The address book as last read, when that was less than <see cref="Fresh"/> ago.</summary>
    private ContactIndex? Contacts(DateTimeOffset now)
    {
        lock (_seen)
        {
            return _contacts is { } kept && now - kept.ReadAt < Fresh ? kept.Index : null;
        }
    }

    private void UseContacts(ContactIndex index, DateTimeOffset readAt)
    {
        lock (_seen)
        {
            _contacts = (index, readAt);
        }
    }

    /// <summary>
    /// The address book as kept here, or read from <paramref name="store"/> when it is not fresh; an empty one when the
    /// database cannot be reached, so suggestions still come from the senders seen (and the next call tries again).
    /// </summary>
    public async Task<ContactIndex> ContactsAsync(IContactStore store, string user, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Contacts(clock.GetUtcNow()) is { } kept)
        {
            return kept;
        }

        var readAt = clock.GetUtcNow();
        try
        {
            var index = new ContactIndex(await store.ListAsync(user, cancellationToken));
            UseContacts(index, readAt);
            return index;
        }
        catch (MailOperationException exception) when (exception.Problem == MailProblem.SettingsUnavailable)
        {
            return ContactIndex.Empty;
        }
    }

    /// <summary>After the user changed their contacts here: the next suggestion reads them again.</summary>
    public void ForgetContacts()
    {
        lock (_seen)
        {
            _contacts = null;
        }
    }

    /// <summary>
    /// The best matches among the address book, the school directory's people (<paramref name="directory"/>, already
    /// matched) and the senders this session has seen; someone in the address book is suggested once, as the contact.
    /// </summary>
    public IReadOnlyList<RecipientSuggestion> Suggest(
        string typed, ContactIndex contacts, IReadOnlyList<(RecipientSuggestion Suggestion, int Score, string Address)> directory, int max)
    {
        var query = NameMatch.Normalize(typed);
        if (query.Length == 0)
        {
            return [];
        }

        List<(RecipientSuggestion, int, int)> recent;
        lock (_seen)
        {
            recent = [.. _seen.Where(s => !contacts.Has(s.Key))
                .Select(s => (Suggestion: new RecipientSuggestion(s.Value.Name, [s.Value.Mailbox], SuggestionSource.Recent, s.Key),
                    Score: Math.Max(NameMatch.Name(s.Value.Matchable, query), NameMatch.Address(s.Key, query))))
                .Where(s => s.Score > NameMatch.None)
                .Select(s => (s.Suggestion, s.Score, 0))];
        }

        var people = directory.Where(d => !contacts.Has(d.Address)).Select(d => (d.Suggestion, d.Score, 0));
        return ContactIndex.Best(contacts.Find(query).Concat(people).Concat(recent), max);
    }
}
