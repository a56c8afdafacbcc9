using WebMail.Client.Services;

namespace WebMail.Client.Shared;

/// <summary>What the page holding the message list hands the reader beside it, so opening a message asks for nothing else.</summary>
/// <param name="Listed">The messages this tab lists now: previous and next come from them, not from another tab.</param>
public sealed record ListContext(MailboxFeatures Features, IReadOnlyList<MailFolder>? Folders, IReadOnlyList<MessageSummary> Listed)
{
    public (MessageSummary? Newer, MessageSummary? Older) NeighboursOf(string messageId)
    {
        var at = Listed.ToList().FindIndex(m => m.Id == messageId);
        return at < 0 ? (null, null) : (at > 0 ? Listed[at - 1] : null, at + 1 < Listed.Count ? Listed[at + 1] : null);
    }
}
