namespace WebMail.Client.Services;

/// <summary>Which messages the list shows: a folder (or all of them, for a search), filter, order, page.</summary>
public sealed record MessageQuery(
    string Folder = MailFolder.InboxPath,
    int PageIndex = 0,
    int PageSize = 50,
    MessageSort Sort = MessageSort.Date,
    bool Descending = true,
    MessageSearch? Search = null,
    bool AllFolders = false,
    bool Threads = false)
{
    public bool HasSearch => Search is { IsEmpty: false };

    /// <summary>Newest first by arrival, no filter, no threads: the plain folder view the server lists cheapest.</summary>
    public bool IsPlainView => !HasSearch && !Threads && Sort == MessageSort.Date && Descending;
}
