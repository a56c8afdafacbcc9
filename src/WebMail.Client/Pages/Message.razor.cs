using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using WebMail.Client.Services;

namespace WebMail.Client.Pages;

public sealed partial class Message
{
    private readonly CancellationTokenSource _disposed = new();
    private MessageView? _view;
    private MailProblem? _problem;
    private string? _source;
    private bool _showRemote;
    private bool _busy;
    private bool _confirmingDelete;
    private IReadOnlyList<MailFolder>? _folders;
    private (MessageSummary? Newer, MessageSummary? Older) _neighbours;

    [Parameter]
    public string Id { get; set; } = "";

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject]
    private IMailboxService Mailbox { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private Shared.Notifications Notifications { get; set; } = null!;

    /// <summary>The folder the message was opened from (IMAP), for the way back and for what Delete means there.</summary>
    [SupplyParameterFromQuery(Name = "folder")]
    private string? FolderParameter { get; set; }

    private string Folder => string.IsNullOrEmpty(FolderParameter) ? MailFolder.InboxPath : FolderParameter;

    private bool InTrash => _folders?.FirstOrDefault(f => f.Path == Folder)?.Kind == SpecialFolderKind.Trash;

    private string BackLink => Shared.MailboxLink.For(new MessageQuery(Folder: Folder));

    private string FolderName => Shared.FolderLabels.NameOf(Folder, _folders, T);

    private bool IsImap { get; set; }

    private string Subject => string.IsNullOrEmpty(_view?.Subject) ? T["Message_NoSubject"] : _view.Subject;

    private string BodyUrl => $"mail/messages/{Uri.EscapeDataString(Id)}/body" + (_showRemote ? "?remote=true" : "");

    private string ComposeLink(string mode) => $"compose?{mode}={Uri.EscapeDataString(Id)}";

    private string AttachmentUrl(int index) => $"mail/messages/{Uri.EscapeDataString(Id)}/attachments/{index}";

    protected override async Task OnParametersSetAsync()
    {
        IsImap = (await Authentication).User.FindFirst("webmail:reading")?.Value == nameof(ReadingProtocol.Imap);
        _view = null;
        _source = null;
        _showRemote = false;
        _confirmingDelete = false;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        _problem = null;
        await RunAsync(async token =>
        {
            _view = await Mailbox.OpenAsync(Id, token);
            _neighbours = await Mailbox.GetNeighboursAsync(Id);
            _folders = IsImap ? await Mailbox.ListFoldersAsync(cancellationToken: token) : null;
        });
    }

    /// <summary>To Trash; in Trash (after asking) for good.</summary>
    private Task DeleteAsync()
    {
        if (InTrash && !_confirmingDelete)
        {
            _confirmingDelete = true;
            return Task.CompletedTask;
        }

        return RunAsync(async token =>
        {
            await Shared.UndoableMoves.DeleteAsync(Mailbox, Notifications, T, [Id], token);
            Navigation.NavigateTo(BackLink);
        });
    }

    private Task MoveAsync(string? target) => string.IsNullOrEmpty(target) ? Task.CompletedTask : RunAsync(async token =>
    {
        await Shared.UndoableMoves.MoveAsync(Mailbox, Notifications, T, [Id], target, Shared.FolderLabels.NameOf(target, _folders, T), token);
        Navigation.NavigateTo(BackLink);
    });

    private Task MarkUnreadAsync() => RunAsync(async token =>
    {
        await Mailbox.SetReadAsync(Id, read: false, token);
        Navigation.NavigateTo(BackLink);
    });

    private async Task ToggleSourceAsync()
    {
        if (_source is not null)
        {
            _source = null;
            return;
        }

        await RunAsync(async token => _source = await Mailbox.GetSourceAsync(Id, token));
    }

    private async Task RunAsync(Func<CancellationToken, Task> action)
    {
        _busy = true;
        try
        {
            await action(_disposed.Token);
        }
        catch (MailOperationException exception)
        {
            _problem = exception.Problem;
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
