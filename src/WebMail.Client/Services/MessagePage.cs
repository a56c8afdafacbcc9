namespace WebMail.Client.Services;

/// <summary>A page of the inbox, newest first.</summary>
public sealed record MessagePage(IReadOnlyList<MessageSummary> Messages, int TotalCount, int PageIndex, int PageSize)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    /// <summary>
    /// The server could not search (Exchange refuses a UTF-8 search): senders, recipients, subjects and dates of the
    /// newest messages were searched here instead, and the text of the messages was not.
    /// </summary>
    public bool BodyNotSearched { get; init; }

    /// <summary>
    /// The server cannot sort (or, in the conversation view, group conversations): only the newest
    /// <see cref="TotalCount"/> messages were sorted or grouped, here.
    /// </summary>
    public bool SortedNewestOnly { get; init; }
}
