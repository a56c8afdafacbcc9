using WebMail.Client.Services;

namespace WebMail.Client.Shared;

/// <summary>Moves and deletes that tell the user what happened, with an Undo that puts the messages back where each came from.</summary>
public static class UndoableMoves
{
    public static async Task DeleteAsync(IMailboxService mailbox, Notifications notifications, Microsoft.Extensions.Localization.IStringLocalizer<UiText> text,
        IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        var moved = await mailbox.DeleteAsync(ids, cancellationToken);
        notifications.Show(moved.Count > 0 ? text["Toast_Trashed", ids.Count] : text["Toast_Deleted", ids.Count], UndoFor(mailbox, moved));
    }

    public static async Task MoveAsync(IMailboxService mailbox, Notifications notifications, Microsoft.Extensions.Localization.IStringLocalizer<UiText> text,
        IReadOnlyList<string> ids, string target, string targetName, CancellationToken cancellationToken = default)
    {
        var moved = await mailbox.MoveAsync(ids, target, cancellationToken);
        notifications.Show(text["Toast_Moved", ids.Count, targetName], UndoFor(mailbox, moved));
    }

    /// <summary>Spam goes to Junk, not spam back to the Inbox; Undo moves them back (the keyword stays, as the user said it once).</summary>
    public static async Task ReportJunkAsync(IMailboxService mailbox, Notifications notifications, Microsoft.Extensions.Localization.IStringLocalizer<UiText> text,
        IReadOnlyList<string> ids, bool junk, CancellationToken cancellationToken = default)
    {
        var moved = await mailbox.ReportJunkAsync(ids, junk, cancellationToken);
        notifications.Show(junk ? text["Toast_ReportedJunk", ids.Count] : text["Toast_NotJunk", ids.Count], UndoFor(mailbox, moved));
    }

    /// <summary>Null when there is nothing to bring back (deleted for good, POP3, or a server that did not say where they went).</summary>
    private static Func<Task>? UndoFor(IMailboxService mailbox, IReadOnlyList<MovedMessage> moved) =>
        moved.Count == 0
            ? null
            : async () =>
            {
                foreach (var from in moved.GroupBy(m => m.FromFolder))
                {
                    await mailbox.MoveAsync([.. from.Select(m => m.NewId)], from.Key);
                }
            };
}
