using System.Globalization;
using WebMail.Client.Services;

namespace WebMail.Server.Mail;

/// <summary>
/// Search and sort done here, over headers already fetched (sender, recipients, subject, date, size): for POP3,
/// which has neither, and for an IMAP server that cannot search in UTF-8. Matching ignores case and, for Chinese
/// text, needs no word boundaries. The text of the messages is not searched.
/// </summary>
public static class HeaderSearch
{
    /// <summary>How many of the newest messages' headers a search here looks at: a bound on what is fetched for it.</summary>
    public const int MaxScannedMessages = 5_000;

    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreWidth | CompareOptions.IgnoreKanaType;

    /// <summary>The query's page of the messages that match, and how many match in all.</summary>
    public static MessagePage Page(IEnumerable<MessageSummary> messages, MessageQuery query)
    {
        var found = Apply(messages, query);
        return new MessagePage([.. found.Skip(query.PageIndex * query.PageSize).Take(query.PageSize)], found.Count, query.PageIndex, query.PageSize);
    }

    private static List<MessageSummary> Apply(IEnumerable<MessageSummary> messages, MessageQuery query)
    {
        var search = query.Search ?? new MessageSearch();
        var found = messages.Where(m => Matches(m, search));
        Func<MessageSummary, object> key = query.Sort switch
        {
            MessageSort.From => m => string.IsNullOrEmpty(m.FromName) ? m.FromAddress : m.FromName,
            MessageSort.Subject => m => m.Subject,
            MessageSort.Size => m => m.Size,
            _ => m => m.Date,
        };
        var comparer = Comparer<object>.Create((a, b) => a is string x && b is string y
            ? string.Compare(x, y, StringComparison.CurrentCultureIgnoreCase)
            : System.Collections.Comparer.Default.Compare(a, b));
        return [.. query.Descending ? found.OrderByDescending(key, comparer) : found.OrderBy(key, comparer)];
    }

    public static bool Matches(MessageSummary message, MessageSearch search)
    {
        var from = $"{message.FromName} {message.FromAddress}";
        return Contains(search.Text, from, message.To, message.Subject)
            && Contains(search.From, from)
            && Contains(search.To, message.To)
            && Contains(search.Subject, message.Subject)
            && (search.Since is not { } since || message.Date >= new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), message.Date.Offset))
            && (search.Until is not { } until || message.Date < new DateTimeOffset(until.AddDays(1).ToDateTime(TimeOnly.MinValue), message.Date.Offset));
    }

    private static bool Contains(string? term, params string[] fields) =>
        string.IsNullOrWhiteSpace(term) || fields.Any(field => Compare.IndexOf(field, term.Trim(), Loose) >= 0);
}
