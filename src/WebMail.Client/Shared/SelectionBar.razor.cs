using Microsoft.AspNetCore.Components;
using WebMail.Client.Services;

namespace WebMail.Client.Shared;

public sealed partial class SelectionBar
{
    private bool _busy;
    private bool _confirming;
    private MailProblem? _problem;

    [Inject]
    private IMailboxService Mailbox { get; set; } = null!;

    [Inject]
    private Notifications Notifications { get; set; } = null!;

    /// <summary>The ids selected on the page; this bar changes it (select all) and the page clears it after an action.</summary>
    [Parameter, EditorRequired]
    public HashSet<string> Selected { get; set; } = null!;

    [Parameter, EditorRequired]
    public MessagePage Page { get; set; } = null!;

    [Parameter]
    public IReadOnlyList<MailFolder>? Folders { get; set; }

    [Parameter]
    public string CurrentPath { get; set; } = MailFolder.InboxPath;

    [Parameter, EditorRequired]
    public MailboxFeatures Features { get; set; } = null!;

    [Parameter]
    public EventCallback OnDone { get; set; }

    private bool AllSelected => Page.Messages.Count > 0 && Page.Messages.All(m => Selected.Contains(m.Id));

    private bool InTrash => Folders?.FirstOrDefault(f => f.Path == CurrentPath)?.Kind == SpecialFolderKind.Trash;

    private void SelectAll(bool select)
    {
        if (select)
        {
            Selected.UnionWith(Page.Messages.Select(m => m.Id));
        }
        else
        {
            Selected.Clear();
        }
    }

    private Task DeleteAsync(IReadOnlyList<string> ids) => UndoableMoves.DeleteAsync(Mailbox, Notifications, T, ids);

    private Task MoveAsync(string? target) =>
        string.IsNullOrEmpty(target)
            ? Task.CompletedTask
            : RunAsync(ids => UndoableMoves.MoveAsync(Mailbox, Notifications, T, ids, target, FolderLabels.NameOf(target, Folders, T)));

    private Task CopyAsync(string? target) =>
        string.IsNullOrEmpty(target)
            ? Task.CompletedTask
            : RunAsync(async ids =>
            {
                await Mailbox.CopyAsync(ids, target);
                Notifications.Show(T["Toast_Copied", ids.Count, FolderLabels.NameOf(target, Folders, T)]);
            });

    private async Task RunAsync(Func<IReadOnlyList<string>, Task> action)
    {
        _busy = true;
        _problem = null;
        try
        {
            await action([.. Selected]);
            _confirming = false;
            await OnDone.InvokeAsync();
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
