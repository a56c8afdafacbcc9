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

    [Parameter]
    public string Id { get; set; } = "";

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject]
    private IMailboxService Mailbox { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

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
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        _problem = null;
        await RunAsync(async token => _view = await Mailbox.OpenAsync(Id, token));
    }

    private Task DeleteAsync() => RunAsync(async token =>
    {
        await Mailbox.DeleteAsync(Id, token);
        Navigation.NavigateTo("./");
    });

    private Task MarkUnreadAsync() => RunAsync(async token =>
    {
        await Mailbox.SetReadAsync(Id, read: false, token);
        Navigation.NavigateTo("./");
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
