using MailKit;
using WebMail.Client.Services;
using MailFolder = WebMail.Client.Services.MailFolder;

namespace WebMail.Server.Mail.Imap;

/// <summary>
/// Orders the server's folders for the pane: the special folders first (Inbox, Drafts, Sent, Archive, Junk,
/// Trash), recognised by their SPECIAL-USE attributes or, on servers without them, their usual names; then the
/// others alphabetically, each folder followed by its subfolders.
/// </summary>
public static class ImapFolderTree
{
    private static readonly Dictionary<string, SpecialFolderKind> UsualNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Drafts"] = SpecialFolderKind.Drafts,
        ["Draft"] = SpecialFolderKind.Drafts,
        ["草稿箱"] = SpecialFolderKind.Drafts,
        ["草稿"] = SpecialFolderKind.Drafts,
        ["Sent"] = SpecialFolderKind.Sent,
        ["Sent Messages"] = SpecialFolderKind.Sent,
        ["Sent Items"] = SpecialFolderKind.Sent,
        ["Sent Mail"] = SpecialFolderKind.Sent,
        ["已发送"] = SpecialFolderKind.Sent,
        ["已发送邮件"] = SpecialFolderKind.Sent,
        ["Archive"] = SpecialFolderKind.Archive,
        ["Archives"] = SpecialFolderKind.Archive,
        ["归档"] = SpecialFolderKind.Archive,
        ["Junk"] = SpecialFolderKind.Junk,
        ["Spam"] = SpecialFolderKind.Junk,
        ["Junk E-mail"] = SpecialFolderKind.Junk,
        ["Junk Email"] = SpecialFolderKind.Junk,
        ["垃圾邮件"] = SpecialFolderKind.Junk,
        ["Trash"] = SpecialFolderKind.Trash,
        ["Deleted Messages"] = SpecialFolderKind.Trash,
        ["Deleted Items"] = SpecialFolderKind.Trash,
        ["已删除"] = SpecialFolderKind.Trash,
        ["已删除邮件"] = SpecialFolderKind.Trash,
    };

    public static IReadOnlyList<MailFolder> Build(IEnumerable<IMailFolder> folders)
    {
        var all = folders.Where(f => !f.Attributes.HasFlag(FolderAttributes.NonExistent)).ToList();
        var kinds = KindsOf(all);
        var byParent = all.ToLookup(f => ParentPath(f) ?? "");
        var result = new List<MailFolder>();

        void Add(IMailFolder folder, int depth)
        {
            result.Add(new MailFolder(
                IsInbox(folder) ? MailFolder.InboxPath : folder.FullName, folder.Name, depth, kinds[folder],
                folder.Unread, folder.Count, !folder.Attributes.HasFlag(FolderAttributes.NoSelect)));
            foreach (var child in byParent[folder.FullName].OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase))
            {
                Add(child, depth + 1);
            }
        }

        var roots = all.Where(f => ParentPath(f) is not { } parent || !all.Any(p => p.FullName == parent));
        foreach (var root in roots.OrderBy(f => kinds[f] == SpecialFolderKind.None ? int.MaxValue : (int)kinds[f])
            .ThenBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase))
        {
            Add(root, 0);
        }

        return result;
    }

    /// <summary>Each folder's special use: attributes first; a usual name only for a top-level folder, and only for a use no folder claims by attribute.</summary>
    public static Dictionary<IMailFolder, SpecialFolderKind> KindsOf(IReadOnlyList<IMailFolder> folders)
    {
        var kinds = folders.ToDictionary(f => f, ByAttribute);
        var claimed = kinds.Values.Where(k => k != SpecialFolderKind.None).ToHashSet();
        foreach (var folder in folders.Where(f => kinds[f] == SpecialFolderKind.None && ParentPath(f) is null))
        {
            if (UsualNames.TryGetValue(folder.Name, out var kind) && claimed.Add(kind))
            {
                kinds[folder] = kind;
            }
        }

        return kinds;
    }

    private static SpecialFolderKind ByAttribute(IMailFolder folder) => folder.Attributes switch
    {
        _ when IsInbox(folder) => SpecialFolderKind.Inbox,
        var a when a.HasFlag(FolderAttributes.Drafts) => SpecialFolderKind.Drafts,
        var a when a.HasFlag(FolderAttributes.Sent) => SpecialFolderKind.Sent,
        var a when a.HasFlag(FolderAttributes.Archive) => SpecialFolderKind.Archive,
        var a when a.HasFlag(FolderAttributes.Junk) => SpecialFolderKind.Junk,
        var a when a.HasFlag(FolderAttributes.Trash) => SpecialFolderKind.Trash,
        _ => SpecialFolderKind.None,
    };

    private static bool IsInbox(IMailFolder folder) =>
        folder.Attributes.HasFlag(FolderAttributes.Inbox) || ImapMessageId.IsInbox(folder.FullName);

    private static string? ParentPath(IMailFolder folder)
    {
        var separator = folder.DirectorySeparator;
        var at = separator == '\0' ? -1 : folder.FullName.LastIndexOf(separator);
        return at > 0 ? folder.FullName[..at] : null;
    }
}
