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
        Addresses = entries.Where(e => e.Source != SuggestionSource.Group).Select(e => e.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public static ContactIndex Empty { get; } = new([]);

    /// <summary>Every address of a person in the book, so senders seen in the session are not suggested twice.</summary>
    public IReadOnlySet<string> Addresses { get; }

    /// <summary>
    /// The best matches: those found from the start of a name or address first, then by how often the user wrote to
    /// them, then by how closely they match; contacts before collected addresses before senders of this session.
    /// </summary>
    public static IReadOnlyList<RecipientSuggestion> Best(IEnumerable<(RecipientSuggestion Suggestion, int Score, int Written)> found, int max) =>
        found.Where(f => f.Score > NameMatch.None)
            .OrderByDescending(f => f.Score >= NameMatch.FromStartByRareReading)
            .ThenByDescending(f => f.Written)
            .ThenByDescending(f => f.Score)
            .ThenBy(f => f.Suggestion.Source)
            .ThenBy(f => f.Suggestion.Name, StringComparer.CurrentCulture)
            .DistinctBy(f => string.Join(',', f.Suggestion.Mailboxes.Select(ContactRules.AddressOf)))
            .Take(max)
            .Select(f => f.Suggestion)
            .ToList();

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

    /// <summary>How often the user wrote to <paramref name="address"/> (a directory person in the book ranks by it too).</summary>
    public int TimesWritten(string address) =>
        _entries.FirstOrDefault(e => e.Address.Equals(address, StringComparison.OrdinalIgnoreCase))?.Contact.TimesWritten ?? 0;

    private sealed record Entry(MatchableText Name, string Address, Contact Contact, IReadOnlyList<string> Mailboxes, SuggestionSource Source);
}
