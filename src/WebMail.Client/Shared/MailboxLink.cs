using System.Globalization;
using WebMail.Client.Services;

namespace WebMail.Client.Shared;

/// <summary>
/// The message list's state lives in its URL (folder, page, order, search), so Back, reload and bookmarks work.
/// This builds those URLs; the inbox page reads the same names back with [SupplyParameterFromQuery].
/// </summary>
public static class MailboxLink
{
    public static string For(MessageQuery query)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
            }
        }

        if (query.Folder != MailFolder.InboxPath)
        {
            Add("folder", query.Folder);
        }

        if (query.Sort != MessageSort.Date || !query.Descending)
        {
            Add("sort", SortName(query.Sort, query.Descending));
        }

        if (query.Threads)
        {
            Add("threads", "1");
        }

        if (query.Search is { IsEmpty: false } search)
        {
            Add("q", search.Text);
            Add("from", search.From);
            Add("to", search.To);
            Add("subject", search.Subject);
            Add("body", search.Body);
            Add("since", search.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Add("until", search.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (query.AllFolders)
            {
                Add("all", "1");
            }
        }

        if (query.PageIndex > 0)
        {
            Add("page", (query.PageIndex + 1).ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "./" : "./?" + string.Join("&", parts);
    }

    /// <summary>
    /// The first page of <paramref name="query"/> with conversations turned on or off by the user. A list's link leaves
    /// conversations out when they are off, so the page takes the user's setting; turning them off says so in the
    /// link (threads=0), which keeps them off even when the setting could not be saved.
    /// </summary>
    public static string WithConversations(MessageQuery query, bool on)
    {
        var link = For(query with { Threads = on, PageIndex = 0 });
        return on ? link : WithQueryPart(link, "threads=0");
    }

    /// <summary>A draft opens in the compose form, to carry on writing it.</summary>
    public static string ToDraft(string messageId) => $"compose?draft={Uri.EscapeDataString(messageId)}";

    /// <summary>The list <paramref name="query"/> with <paramref name="message"/> open in its reading pane.</summary>
    public static string WithOpen(MessageQuery query, MessageSummary message)
    {
        var list = For(query);
        var open = $"open={Uri.EscapeDataString(message.Id)}"
            + (message.Folder == query.Folder ? "" : $"&in={Uri.EscapeDataString(message.Folder)}");
        return WithQueryPart(list, open);
    }

    // A list's link has a query string only when the list is not the plain first page of the inbox.
    private static string WithQueryPart(string link, string part) => link + (link.Contains('?') ? "&" : "?") + part;

    /// <summary>The message page of <paramref name="message"/>, knowing the folder it was listed in.</summary>
    public static string ToMessage(MessageSummary message) => message.Folder == MailFolder.InboxPath
        ? $"message/{Uri.EscapeDataString(message.Id)}"
        : $"message/{Uri.EscapeDataString(message.Id)}?folder={Uri.EscapeDataString(message.Folder)}";

    /// <summary>The sort choices of the list, by the name they have in the URL.</summary>
    public static IReadOnlyList<(string Name, MessageSort Sort, bool Descending, string TextKey)> Sorts { get; } =
    [
        ("date", MessageSort.Date, true, "Sort_DateNewest"),
        ("date-asc", MessageSort.Date, false, "Sort_DateOldest"),
        ("from", MessageSort.From, false, "Sort_From"),
        ("subject", MessageSort.Subject, false, "Sort_Subject"),
        ("size", MessageSort.Size, true, "Sort_SizeLargest"),
    ];

    public static string SortName(MessageSort sort, bool descending) =>
        Sorts.FirstOrDefault(s => s.Sort == sort && s.Descending == descending).Name ?? "date";

    public static (MessageSort Sort, bool Descending) ParseSort(string? name) =>
        Sorts.FirstOrDefault(s => s.Name == name) is { Name: not null } found ? (found.Sort, found.Descending) : (MessageSort.Date, true);

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
