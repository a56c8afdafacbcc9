using Microsoft.Extensions.Localization;
using WebMail.Client.Services;

namespace WebMail.Client.Shared;

/// <summary>What a folder is called in the UI: special folders by their localized name, others as the server spells them.</summary>
public static class FolderLabels
{
    public static string NameOf(MailFolder folder, IStringLocalizer<UiText> text) => NameOf(folder.Kind, folder.Name, text);

    public static string NameOf(SpecialFolderKind kind, string serverName, IStringLocalizer<UiText> text) => kind switch
    {
        SpecialFolderKind.None => serverName,
        _ => text[$"Folder_{kind}"],
    };

    /// <summary>The name of the folder at <paramref name="path"/> among <paramref name="folders"/> (the path itself when not listed).</summary>
    public static string NameOf(string path, IReadOnlyList<MailFolder>? folders, IStringLocalizer<UiText> text) =>
        folders?.FirstOrDefault(f => f.Path == path) is { } folder ? NameOf(folder, text)
        : path == MailFolder.InboxPath ? text["Folder_Inbox"] : path;
}
