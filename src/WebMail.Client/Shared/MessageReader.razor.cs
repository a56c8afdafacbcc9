using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using WebMail.Client.Services;

namespace WebMail.Client.Shared;

/// <summary>
/// One message: headers, attachments, the body (text, or sanitized HTML in a sandboxed frame), and what can be done
/// with it. Shown as a page of its own (/message/{id}) or as the reading pane beside the list.
/// </summary>
public sealed partial class MessageReader
{
    private readonly CancellationTokenSource _disposed = new();
    private MessageView? _view;
    private MailProblem? _problem;
    private bool _showSource;
    private bool _showRemote;
    private AttachmentInfo? _previewed;
    private bool _busy;
    private bool _confirmingBlock;
    private bool _receiptHandled;
    private MailProblem? _receiptProblem;
    private string? _signedInAddress;
    private bool _confirmingDelete;
    private IReadOnlyList<MailFolder>? _folders;
    private (MessageSummary? Newer, MessageSummary? Older) _neighbours;

    private string? _loadedId;
    private (MessageView? View, bool Remote, string? Document) _frameDocument;

    [Parameter, EditorRequired]
    public string Id { get; set; } = "";

    /// <summary>The folder the message was opened from (IMAP), for the way back and for what Delete means there.</summary>
    [Parameter]
    public string Folder { get; set; } = MailFolder.InboxPath;

    /// <summary>Shown beside the list: "back" closes the pane instead of returning to a folder.</summary>
    [Parameter]
    public bool InPane { get; set; }

    /// <summary>Where the previous/next message links go (the list with that message open, in the pane).</summary>
    [Parameter]
    public Func<MessageSummary, string> LinkTo { get; set; } = MailboxLink.ToMessage;

    /// <summary>The message was opened (and so marked read on the server).</summary>
    [Parameter]
    public EventCallback OnOpened { get; set; }

    /// <summary>The list this reader was opened from, in this tab: previous and next come from it.</summary>
    [Parameter]
    public MessageQuery? ListedIn { get; set; }

    /// <summary>Where to go when the message is closed, deleted or moved (default: its folder).</summary>
    [Parameter]
    public string? CloseLink { get; set; }

    /// <summary>
    /// What the page holding the list already knows (the protocol's features, the folders, the messages listed in
    /// this tab): given, opening a message asks the server for the message only. A page of its own asks for them.
    /// </summary>
    [Parameter]
    public ListContext? FromList { get; set; }

    [Inject]
    private IMailboxService Mailbox { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IUserSettingsService Settings { get; set; } = null!;

    [Inject]
    private Notifications Notifications { get; set; } = null!;

    [Inject]
    private IMailFiltersService MailFilters { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    // Asked only once: not when it was sent or declined (here, in another tab, or in another program: $MDNSent),
    // nor for what the user wrote (Sent, Drafts).
    private bool AsksForReceipt => _view is { ReceiptTo: not null } && !_receiptHandled
        && ListedLine?.ReceiptHandled != true
        && FolderKind is not (SpecialFolderKind.Sent or SpecialFolderKind.Drafts);

    // The message's line in the list beside the reader, when it is there.
    private MessageSummary? ListedLine => FromList?.Listed.FirstOrDefault(m => m.Id == Id);

    // A message that says no time of its own is dated as its line in the list is: over IMAP, when the server took it.
    private DateTimeOffset Date => _view is { } view && !MessageDates.IsKnown(view.Date)
        ? ListedLine?.Date ?? view.Date
        : _view?.Date ?? DateTimeOffset.MinValue;

    [Inject]
    private IReadReceiptService Receipts { get; set; } = null!;

    // Not one's own address: blocking oneself would throw away one's copies and notes-to-self.
    private bool CanBlockSender => _features.ServerFilters && _view is { } view && SenderPattern.IsAddress(view.FromAddress)
        && !string.Equals(view.FromAddress, _signedInAddress, StringComparison.OrdinalIgnoreCase);

    // Beside the list the reader is a third of the screen: a twelfth of it is too narrow for "From" in Chinese.
    private string LabelColumn => InPane ? "col-3 col-xxl-2" : "col-3 col-md-1";

    private string ValueColumn => InPane ? "col-9 col-xxl-10" : "col-9 col-md-11";

    // Nothing to press until the page is live: the prerendered reader is for reading.
    private bool CannotAct => _busy || !RendererInfo.IsInteractive;

    /// <summary>What the message's folder is (Drafts, Trash, Junk, …), as far as the folder list says.</summary>
    private SpecialFolderKind? FolderKind => _folders?.FirstOrDefault(f => f.Path == Folder)?.Kind;

    private bool InDrafts => FolderKind == SpecialFolderKind.Drafts;

    private bool InTrash => FolderKind == SpecialFolderKind.Trash;

    private bool InJunk => FolderKind == SpecialFolderKind.Junk;

    // Spam needs a Junk folder to go to; not spam goes back to the Inbox.
    private bool CanReportJunk => _features.Folders && !InTrash && (InJunk || _folders?.Any(f => f.Kind == SpecialFolderKind.Junk) == true);

    private string BackLink => CloseLink ?? MailboxLink.For(new MessageQuery(Folder: Folder));

    private string FolderName => FolderLabels.NameOf(Folder, _folders, T);

    /// <summary>What the session's protocol can do: the same answer the list uses to hide what POP3 cannot.</summary>
    private MailboxFeatures _features = MailboxFeatures.Pop3;

    private string Subject => string.IsNullOrEmpty(_view?.Subject) ? T["Message_NoSubject"] : _view.Subject;

    private string OriginalUrl => $"mail/messages/{Uri.EscapeDataString(Id)}/original";

    private string PrintUrl => $"mail/messages/{Uri.EscapeDataString(Id)}/print";

    private string SourceUrl => $"mail/messages/{Uri.EscapeDataString(Id)}/source";

    private string BodyUrl => $"mail/messages/{Uri.EscapeDataString(Id)}/body" + (_showRemote ? "?remote=true" : "");

    private string ComposeLink(string mode) => $"compose?{mode}={Uri.EscapeDataString(Id)}";

    private IReadOnlyList<AttachmentInfo> Previewable =>
        _view?.Attachments.Where(a => AttachmentPreview.KindOf(a) != AttachmentPreviewKind.None).ToList() ?? [];

    /// <summary>
    /// The frame's <c>srcdoc</c> (<see cref="BodyFrame.InlineDocument"/>, up to 64 K characters), built once per opened
    /// message and remote-content choice rather than on every render of the reader.
    /// </summary>
    private string? FrameDocument()
    {
        if (!ReferenceEquals(_frameDocument.View, _view) || _frameDocument.Remote != _showRemote)
        {
            _frameDocument = (_view, _showRemote, BodyFrame.InlineDocument(_view?.SafeHtml, _showRemote));
        }

        return _frameDocument.Document;
    }

    private string AttachmentUrl(int index) => $"mail/messages/{Uri.EscapeDataString(Id)}/attachments/{index}";

    protected override async Task OnParametersSetAsync()
    {
        _signedInAddress ??= Authentication is null ? "" : (await Authentication).User.Identity?.Name ?? "";
        // The list beside the pane re-renders (new mail, a star): only another message is a reason to load.
        if (_loadedId == Id && (_view is not null || _problem is not null))
        {
            if (_view is not null)
            {
                TakeFromList();
            }

            return;
        }

        _loadedId = Id;
        _view = null;
        _showSource = false;
        _showRemote = false;
        _previewed = null;
        (_confirmingDelete, _confirmingBlock, _receiptHandled, _receiptProblem) = (false, false, false, null);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _problem = null;
        await RunAsync(async token =>
        {
            // Prerendered too, within the same wait as the list: a row clicked before the page is live (a phone on a
            // slow network) shows its message. Past the wait the spinner goes out and the live page opens it.
            using var prerenderWait = RendererInfo.IsInteractive ? null : CancellationTokenSource.CreateLinkedTokenSource(token);
            prerenderWait?.CancelAfter(Prerendering.Wait);
            token = prerenderWait?.Token ?? token;
            _view = await Mailbox.OpenAsync(Id, token);
            _showRemote = _view.HasRemoteContent && await ShowsRemoteContentFromAsync(_view.FromAddress, token);
            if (!TakeFromList())
            {
                _neighbours = await Mailbox.GetNeighboursAsync(Id, ListedIn);
                _features = await Mailbox.GetFeaturesAsync();
                _folders = _features.Folders ? await Mailbox.ListFoldersAsync(cancellationToken: token) : null;
            }

            await OnOpened.InvokeAsync();
        });
    }

    /// <summary>What the list beside the reader knows (features, folders, this tab's neighbours); false on a page of its own.</summary>
    private bool TakeFromList()
    {
        if (FromList is not { } list)
        {
            return false;
        }

        (_features, _folders, _neighbours) = (list.Features, list.Folders, list.NeighboursOf(Id));
        return true;
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
            await UndoableMoves.DeleteAsync(Mailbox, Notifications, T, [Id], token);
            Navigation.NavigateTo(BackLink);
        });
    }

    private Task ReportJunkAsync(bool junk) => RunAsync(async token =>
    {
        await UndoableMoves.ReportJunkAsync(Mailbox, Notifications, T, [Id], junk, token);
        Navigation.NavigateTo(BackLink);
    });

    private Task MoveAsync(string? target) => string.IsNullOrEmpty(target) ? Task.CompletedTask : RunAsync(async token =>
    {
        await UndoableMoves.MoveAsync(Mailbox, Notifications, T, [Id], target, FolderLabels.NameOf(target, _folders, T), token);
        Navigation.NavigateTo(BackLink);
    });

    private Task MarkUnreadAsync() => RunAsync(async token =>
    {
        await Mailbox.SetReadAsync(Id, read: false, token);
        Navigation.NavigateTo(BackLink);
    });

    private void ToggleSource()
    {
        _showSource = !_showSource;
        _previewed = null;
    }

    /// <summary>Remote content of this sender shows at once when the user chose so; not when the settings cannot be read.</summary>
    private async Task<bool> ShowsRemoteContentFromAsync(string address, CancellationToken token)
    {
        try
        {
            return (await Settings.GetAsync(token)).ShowsRemoteContentFrom(address);
        }
        catch (MailOperationException)
        {
            return false;
        }
    }

    /// <summary>"Always show from this sender": remembered in the user's settings (every device), and shown now.</summary>
    private Task SendReceiptAsync() => RunAsync(async token =>
    {
        var result = await Receipts.SendAsync(Id, token);
        _receiptProblem = result.Succeeded ? null : result.Problem;
        if (result.Succeeded)
        {
            _receiptHandled = true;
            Notifications.Show(T["Message_ReceiptSent"]);
        }
    });

    private Task DeclineReceiptAsync() => RunAsync(async token =>
    {
        _receiptHandled = true;
        try
        {
            await Receipts.DeclineAsync(Id, token);
        }
        catch (MailOperationException)
        {
            // Not marked on the server: this session remembers it all the same, and nothing was sent.
        }
    });

    private Task BlockSenderAsync() => RunAsync(async token =>
    {
        var address = _view!.FromAddress;
        await MailFilters.BlockSenderAsync(address, token);
        _confirmingBlock = false;
        Notifications.Show(T["Message_SenderBlocked", address]);
    });

    private Task TrustSenderAsync() => RunAsync(async token =>
    {
        var address = _view!.FromAddress;
        var settings = await Settings.GetAsync(token);
        await Settings.SaveAsync(settings with { RemoteContentFrom = [.. settings.RemoteContentFrom, address] }, token);
        _showRemote = true;
    });

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
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested || !RendererInfo.IsInteractive)
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
