using MailKit.Search;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Imap;

/// <summary>
/// Turns the user's search into an IMAP SEARCH key. MailKit sends CHARSET UTF-8 when a term is not ASCII, so
/// Chinese terms work on servers that support it (Dovecot does).
/// </summary>
public static class ImapSearchQueries
{
    public static SearchQuery From(MessageSearch? search)
    {
        if (search is null || search.IsEmpty)
        {
            return SearchQuery.All;
        }

        var terms = new List<SearchQuery>();
        if (Term(search.Text) is { } text)
        {
            terms.Add(SearchQuery.Or(
                SearchQuery.Or(SearchQuery.FromContains(text), Recipient(text)),
                SearchQuery.Or(SearchQuery.SubjectContains(text), SearchQuery.BodyContains(text))));
        }

        if (Term(search.From) is { } from)
        {
            terms.Add(SearchQuery.FromContains(from));
        }

        if (Term(search.To) is { } to)
        {
            terms.Add(Recipient(to));
        }

        if (Term(search.Subject) is { } subject)
        {
            terms.Add(SearchQuery.SubjectContains(subject));
        }

        if (Term(search.Body) is { } body)
        {
            terms.Add(SearchQuery.BodyContains(body));
        }

        if (search.Since is { } since)
        {
            terms.Add(SearchQuery.SentSince(since.ToDateTime(TimeOnly.MinValue)));
        }

        if (search.Until is { } until)
        {
            // SENTBEFORE is exclusive; "until" includes its day.
            terms.Add(SearchQuery.SentBefore(until.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        }

        return terms.Aggregate(SearchQuery.And);
    }

    private static SearchQuery Recipient(string text) => SearchQuery.Or(SearchQuery.ToContains(text), SearchQuery.CcContains(text));

    private static string? Term(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
