using Microsoft.AspNetCore.Components;
using WebMail.Client.Services;

namespace WebMail.Client.Shared;

/// <summary>
/// The folder tree with unread counts, and the folder actions: create anywhere, rename or delete a folder of the
/// user's own (never a special one), empty Trash. Destructive actions ask first, inline.
/// </summary>
public sealed partial class FolderPane
{
    private Mode _mode;
    private string _name = "";
    private string _parent = "";
    private bool _busy;
    private MailProblem? _problem;

    private enum Mode
    {
        Buttons,
        Create,
        Rename,
        ConfirmDelete,
        ConfirmEmpty,
    }

    [Inject]
    private IMailboxService Mailbox { get; set; } = null!;

    [Parameter, EditorRequired]
    public IReadOnlyList<MailFolder> Folders { get; set; } = [];

    [Parameter]
    public string CurrentPath { get; set; } = MailFolder.InboxPath;

    /// <summary>After a change: the folders must be listed again, and the path to show (null: stay).</summary>
    [Parameter]
    public EventCallback<string?> OnChanged { get; set; }

    /// <summary>Messages were dropped on a folder (drag and drop from the list).</summary>
    [Parameter]
    public EventCallback<string> OnDropTo { get; set; }

    /// <summary>The quota was read (null: the server has none): a phone, where this pane is hidden, warns above the list.</summary>
    [Parameter]
    public EventCallback<MailboxQuota?> OnQuota { get; set; }

    private MailFolder? Current => Folders.FirstOrDefault(f => f.Path == CurrentPath);

    private string CurrentName => Current is { } folder ? FolderLabels.NameOf(folder, T) : CurrentPath;

    private void StartCreate()
    {
        (_mode, _name, _parent, _problem) = (Mode.Create, "", "", null);
    }

    private void StartRename()
    {
        (_mode, _name, _problem) = (Mode.Rename, Current?.Name ?? "", null);
    }

    private void Cancel()
    {
        (_mode, _problem) = (Mode.Buttons, null);
    }

    // The user stays where they are: a new folder is usually made to move messages from here into it.
    private Task CreateAsync() => RunAsync(async () =>
    {
        await Mailbox.CreateFolderAsync(_parent.Length == 0 ? null : _parent, _name);
        return null;
    });

    private Task RenameAsync() => RunAsync(async () => await Mailbox.RenameFolderAsync(CurrentPath, _name));

    private Task DeleteAsync() => RunAsync(async () =>
    {
        await Mailbox.DeleteFolderAsync(CurrentPath);
        return MailFolder.InboxPath;
    });

    private Task EmptyTrashAsync() => RunAsync(async () =>
    {
        await Mailbox.EmptyTrashAsync();
        return null;
    });

    private async Task RunAsync(Func<Task<string?>> change)
    {
        _busy = true;
        _problem = null;
        try
        {
            var goTo = await change();
            _mode = Mode.Buttons;
            await OnChanged.InvokeAsync(goTo);
        }
        catch (MailOperationException exception)
        {
            _problem = exception.Problem;
        }
        finally
        {
            _busy = false;
        }
    }
}
