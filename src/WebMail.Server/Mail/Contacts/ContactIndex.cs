using WebMail.Client.Services;
using WebMail.Server.UserData;

namespace WebMail.Server.Mail.Contacts;

/// <summary>
/// A user's address book prepared for finding people as they type: each name made matchable once
/// (<see cref="MatchableText"/>), then every query is a pass over a few thousand entries in memory.
/// </summary>
public sealed class ContactIndex
{
    private readonly Entry[] _entries;

    public ContactIndex(IReadOnlyList<Contact> contacts)
    {
        var entries = new List<Entry>();
        foreach (var contact in contacts)
        {
            var name = new MatchableText(contact.Name);
            if (contact.IsGroup)
            {
                entries.Add(new Entry(name, "", contact, contact.Addresses, SuggestionSource.Group));
                continue;
            }

            foreach (var address in contact.Addresses)
            {
                entries.Add(new Entry(name, address.ToLowerInvariant(), contact, [RecipientText.Mailbox(contact.Name, address)],
                    contact.Collected ? SuggestionSource.Collected : SuggestionSource.Contact));
            }
        }

        _entries = [.. entries];
        _written = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries.Where(e => e.Source != SuggestionSource.Group))
        {
            _written.TryAdd(entry.Address, entry.Contact.TimesWritten);
        }
    }

    private readonly Dictionary<string, int> _written;

    public static ContactIndex Empty { get; } = new([]);

    /// <summary>Whether a person of the book has <paramref name="address"/>: a directory person or a sender seen in the session is then suggested once, as the contact.</summary>
    public bool Has(string address) => _written.ContainsKey(address);

    /// <summary>
    /// The best matches: those found from the start of a name or address first, then by how often the user wrote to
    /// them, then by how closely they match; contacts before collected addresses before senders of this session.
    /// </summary>
    public static IReadOnlyList<RecipientSuggestion> Best(IEnumerable<(RecipientSuggestion Suggestion, int Score, int Written)> found, int max)
    {
        // One letter matches most of a big book and directory: the order is cheap keys (ordinal names), and only the
        // few taken are compared by address to drop one person suggested twice.
        var ranked = found.Where(f => f.Score > NameMatch.None)
            .OrderByDescending(f => f.Score >= NameMatch.FromStartByRareReading)
            .ThenByDescending(f => f.Written)
            .ThenByDescending(f => f.Score)
            .ThenBy(f => f.Suggestion.Source)
            .ThenBy(f => f.Suggestion.Name, StringComparer.Ordinal);
        var best = new List<RecipientSuggestion>(max);
        var shown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (suggestion, _, _) in ranked)
        {
            if (shown.Add(string.Join(',', suggestion.Mailboxes.Select(ContactRules.AddressOf))) && best.Count < max)
            {
                best.Add(suggestion);
            }

            if (best.Count == max)
            {
                break;
            }
        }

        return best;
    }

    public IEnumerable<(RecipientSuggestion Suggestion, int Score, int Written)> Find(string query)
    {
        foreach (var entry in _entries)
        {
            var score = Math.Max(NameMatch.Name(entry.Name, query), entry.Address.Length > 0 ? NameMatch.Address(entry.Address, query) : NameMatch.None);
            if (score > NameMatch.None)
            {
                var detail = entry.Source == SuggestionSource.Group ? entry.Mailboxes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : entry.Address;
                yield return (new RecipientSuggestion(entry.Contact.Name, entry.Mailboxes, entry.Source, detail), score, entry.Contact.TimesWritten);
            }
        }
    }

    /// <summary>The ids of the contacts a query already <see cref="NameMatch.Normalize"/>d finds (by name, address or phone).</summary>
    public IReadOnlySet<string> Matching(string query) =>
        _entries.Where(e => NameMatch.Name(e.Name, query) > NameMatch.None || (e.Address.Length > 0 && NameMatch.Address(e.Address, query) > NameMatch.None)
                || e.Contact.Phone.Replace(" ", "", StringComparison.Ordinal).Contains(query, StringComparison.Ordinal))
            .Select(e => e.Contact.Id)
            .ToHashSet();

    private sealed record Entry(MatchableText Name, string Address, Contact Contact, IReadOnlyList<string> Mailboxes, SuggestionSource Source);
}
