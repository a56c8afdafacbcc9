using MailKit;
using MailKit.Search;

namespace WebMail.Server.Mail.Imap;

/// <summary>
/// UIDs as they are sent to the server: always an ascending set. Tencent's QQ Mail and Exmail answer a descending
/// range ("UID FETCH 1593:1580") with "BAD UID parameters!" (bkaankose/Wino-Mail#575, modern-email/defects#40);
/// whatever order the user sees is restored here, from the answers.
/// </summary>
public static class UidSets
{
    public static UniqueIdSet Ascending(IEnumerable<UniqueId> uids) => new(uids, SortOrder.Ascending);
}
