namespace WebMail.Client.Services;

/// <summary>The folders every mail client knows (RFC 6154 SPECIAL-USE, or their usual names), in the order the pane shows them.</summary>
public enum SpecialFolderKind
{
    None,
    Inbox,
    Drafts,
    Sent,
    Archive,
    Junk,
    Trash,
}
