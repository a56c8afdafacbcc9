namespace WebMail.Client.Services;

/// <summary>One folder of the folder pane, in tree order (<see cref="Depth"/> gives the nesting).</summary>
/// <param name="Path">The server's full name of the folder: what every folder operation takes.</param>
/// <param name="Name">The last part of the path, as the server spells it (special folders get localized names in the UI).</param>
public sealed record MailFolder(string Path, string Name, int Depth, SpecialFolderKind Kind, int Unread, int Total, bool CanHoldMessages)
{
    public const string InboxPath = "INBOX";

    public bool IsSpecial => Kind != SpecialFolderKind.None;
}
