using MailKit;

namespace WebMail.Server.Mail.Imap;

/// <summary>
/// The last order WebMail worked out itself because the server has no SORT or THREAD (Coremail, Exchange, Tencent),
/// for one session's connection. A message never changes while its folder's UIDVALIDITY holds, so the same messages
/// in the same folder always come out in the same order: turning pages, or coming back to the list, reuses it instead
/// of fetching thousands of envelopes again, and new or removed mail (other matches) works it out afresh. One entry,
/// at most <c>ReadingOptions.MaxLocalSort</c> UIDs twice over: tens of KiB.
/// </summary>
public sealed class LocalOrderCache
{
    private Entry? _last;

    /// <summary>The order kept for exactly these <paramref name="matches"/> (ascending) of the folder, or null.</summary>
    public List<(UniqueId Uid, int Level)>? Find(string folder, uint uidValidity, string order, IReadOnlyList<UniqueId> matches)
    {
        var last = _last;
        return last is not null && last.Folder == folder && last.UidValidity == uidValidity && last.Order == order
            && last.Matches.SequenceEqual(matches)
            ? last.Ordered
            : null;
    }

    public void Keep(string folder, uint uidValidity, string order, IReadOnlyList<UniqueId> matches, List<(UniqueId Uid, int Level)> ordered) =>
        _last = new Entry(folder, uidValidity, order, [.. matches], ordered);

    private sealed record Entry(string Folder, uint UidValidity, string Order, UniqueId[] Matches, List<(UniqueId Uid, int Level)> Ordered);
}
