using WebMail.Client.Services;
using WebMail.Server.Mail.Contacts;

namespace WebMail.Server.Mail.Ldap;

/// <summary>People of a directory prepared for matching as one types (each name made matchable once), and when they were read.</summary>
public sealed class DirectoryCopy(IReadOnlyList<DirectoryPerson> people, DateTimeOffset readAt)
{
    private readonly (DirectoryPerson Person, MatchableText Name)[] _people = [.. people.Select(p => (p, new MatchableText(p.Name)))];

    public DateTimeOffset ReadAt { get; } = readAt;

    /// <summary>Matches of a query already <see cref="NameMatch.Normalize"/>d: by name (pinyin too), address or number.</summary>
    public IReadOnlyList<(RecipientSuggestion Suggestion, int Score, string Address)> Find(string query)
    {
        var found = new List<(RecipientSuggestion, int, string)>();
        foreach (var (person, name) in _people)
        {
            var score = Math.Max(NameMatch.Name(name, query), Math.Max(NameMatch.Address(person.Address, query), NameMatch.Address(person.Number, query)));
            if (score > NameMatch.None)
            {
                var detail = person.Detail.Length > 0 ? $"{person.Detail} · {person.Address}" : person.Address;
                found.Add((new RecipientSuggestion(person.Name, [RecipientText.Mailbox(person.Name, person.Address)], SuggestionSource.Directory, detail), score, person.Address));
            }
        }

        return found;
    }
}
