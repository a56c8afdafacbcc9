using Microsoft.AspNetCore.Components;
using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.Client.Pages;

/// <summary>
/// The message list of a folder (the inbox by default), a search or a conversation view, with the folder pane
/// beside it. Everything it shows is named by its URL (see <see cref="MailboxLink"/>).
/// </summary>
public sealed partial class Inbox
{
    /// <summary>The user's reading preferences (page size, conversations), read once per page.</summary>
    private int _pageSize = UserSettings.Defaults.PageSize;
    private bool _conversations;
    private bool _preferencesRead;

    private readonly HashSet<string> _selected = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _disposed = new();
    private bool _checking;
    private (int Total, int Unread)? _lastSeen;
    private IReadOnlyList<string> _dragged = [];
    private CancellationTokenSource _loadCancellation = new();
    private MessagePage? _page;
    private IReadOnlyList<MailFolder>? _folders;
    private MailboxFeatures _features = MailboxFeatures.Pop3;
    private MailProblem? _problem;
    private bool _loading;
    private bool _foldersToggled;
    private MailboxQuota? _quota;
    private MessageQuery? _shownQuery;
    private readonly FirstScreenRows _firstScreen = new();

    [Inject]
    private IMailboxService Mailbox { get; set; } = null!;

    [Inject]
    private IUserSettingsService Settings { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private Notifications Notifications { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "page")]
    private int? PageNumber { get; set; }

    [SupplyParameterFromQuery(Name = "folder")]
    private string? FolderParameter { get; set; }

    [SupplyParameterFromQuery(Name = "sort")]
    private string? SortParameter { get; set; }

    [SupplyParameterFromQuery(Name = "threads")]
    private string? ThreadsParameter { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    private string? Text { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    private string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    private string? To { get; set; }

    [SupplyParameterFromQuery(Name = "subject")]
    private string? Subject { get; set; }

    [SupplyParameterFromQuery(Name = "body")]
    private string? Body { get; set; }

    [SupplyParameterFromQuery(Name = "since")]
    private string? Since { get; set; }

    [SupplyParameterFromQuery(Name = "until")]
    private string? Until { get; set; }

    [SupplyParameterFromQuery(Name = "all")]
    private string? AllFolders { get; set; }

    /// <summary>The message open in the reading pane (beside the list on a wide screen, instead of it on a narrow one).</summary>
    [SupplyParameterFromQuery(Name = "open")]
    private string? Open { get; set; }

    /// <summary>The folder of the open message, when it is not the list's (a result of a search across folders).</summary>
    [SupplyParameterFromQuery(Name = "in")]
    private string? OpenIn { get; set; }

    private int PageIndex => Math.Max(0, (PageNumber ?? 1) - 1);

    private string Folder => string.IsNullOrEmpty(FolderParameter) ? MailFolder.InboxPath : FolderParameter;

    private MessageQuery Query
    {
        get
        {
            var (sort, descending) = MailboxLink.ParseSort(SortParameter);
            var search = new MessageSearch(Text, From, To, Subject, Body, MailboxLink.ParseDate(Since), MailboxLink.ParseDate(Until));
            var threads = ThreadsParameter switch { "1" => true, "0" => false, _ => _conversations };
            return new MessageQuery(Folder, PageIndex, _pageSize, sort, descending, search.IsEmpty ? null : search,
                AllFolders == "1" && !search.IsEmpty && _features.Folders, threads && _features.Threads);
        }
    }

    // The prerendered page may go out before the folders are listed (FoldersUnlessPrerenderingAsync).
    private string? FoldersBusy => !RendererInfo.IsInteractive && _folders is null ? "true" : null;

    /// <summary>A line opens its message beside the list; a draft opens in the compose form.</summary>
    private string RowLink(MessageSummary message) =>
        _folders?.FirstOrDefault(f => f.Path == message.Folder)?.Kind == SpecialFolderKind.Drafts
            ? MailboxLink.ToDraft(message.Id)
            : MailboxLink.WithOpen(Query, message);

    private string RowsToComeStyle => $"--rows: {_firstScreen.LeftOut}";

    private MailFolder? CurrentFolder => _folders?.FirstOrDefault(f => f.Path == Folder);

    private string FolderName => FolderLabels.NameOf(Folder, _folders, T);

    private string Heading => Query.HasSearch ? T["Search_Results"] : FolderName;

    // Sent mail and drafts are about whom they went to.
    private bool ShowsRecipients => CurrentFolder?.Kind is SpecialFolderKind.Sent or SpecialFolderKind.Drafts && !Query.AllFolders;

    private string Title => CurrentFolder is { Unread: > 0 } folder
        ? $"{Heading} ({folder.Unread}) · {T["AppName"]}"
        : $"{Heading} · {T["AppName"]}";

    /// <summary>What the reader beside the list needs from it, once the list is loaded.</summary>
    private ListContext? ListContext => _page is null ? null : new ListContext(_features, _folders, _page.Messages);

    protected override async Task OnParametersSetAsync()
    {
        if (!_preferencesRead)
        {
            _preferencesRead = true;
            await ReadPreferencesAsync();
        }

        // Opening or closing a message in the pane keeps the selection.
        var sameList = _shownQuery == Query && _page is not null;
        if (!sameList)
        {
            _shownQuery = Query;
            _selected.Clear();
            // On a phone the folders were shown to pick one: once picked, the list takes the screen again.
            _foldersToggled = false;
        }

        // Opening a message beside the list changes nothing in it. Closing the pane may follow a delete or a move
        // there: the list comes again from the session's cache, which already left that message out.
        if (!(sameList && Open is not null))
        {
            await LoadAsync(refresh: false);
        }
    }

    /// <summary>
    /// Page size and conversations as the user chose; the defaults when the settings cannot be read, or not within
    /// the prerender's wait (the page must not wait on the database).
    /// </summary>
    private async Task ReadPreferencesAsync()
    {
        using var wait = new CancellationTokenSource(RendererInfo.IsInteractive ? TimeSpan.FromSeconds(10) : Prerendering.Wait);
        try
        {
            var settings = await Settings.GetAsync(wait.Token);
            (_pageSize, _conversations) = (settings.PageSize, settings.ConversationView);
        }
        catch (Exception exception) when (exception is MailOperationException or OperationCanceledException)
        {
        }
    }

    /// <summary>The pane opened a message, which marks it read: its line and its folder's count show that at once.</summary>
    private void MessageOpened()
    {
        if (_page?.Messages.FirstOrDefault(m => m.Id == Open) is not { IsRead: false } opened)
        {
            return;
        }

        _page = _page with { Messages = _page.Messages.Select(m => m.Id == opened.Id ? m with { IsRead = true } : m).ToList() };
        _folders = _folders?.Select(f => f.Path == opened.Folder && f.Unread > 0 ? f with { Unread = f.Unread - 1 } : f).ToList();
        // The server's count drops by the same one: not a change for the new-mail check to reload for.
        _lastSeen = CurrentFolder is { } current ? (current.Total, current.Unread) : _lastSeen;
    }

    protected override void OnInitialized() => Notifications.MailboxChanged += ReloadAfterUndoAsync;

    private Task ReloadAfterUndoAsync() => InvokeAsync(async () =>
    {
        await LoadAsync(refresh: false);
        StateHasChanged();
    });

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _ = CheckForChangesPeriodicallyAsync();
        }

        if (_firstScreen.RestDue())
        {
            StateHasChanged();
        }
    }

    /// <summary>
    /// New mail and other clients' changes show up without the user pressing Refresh. Runs beside the page, so
    /// every way it can end is handled here: the page going away, the session's features not known (the user's own
    /// next action shows that problem), and anything unexpected, handed to the page's error boundary.
    /// </summary>
    private async Task CheckForChangesPeriodicallyAsync()
    {
        try
        {
            var interval = (await Mailbox.GetFeaturesAsync()).NewMailCheckInterval;
            if (interval <= TimeSpan.Zero)
            {
                return;
            }

            using var timer = new PeriodicTimer(interval);
            while (await timer.WaitForNextTickAsync(_disposed.Token))
            {
                await InvokeAsync(CheckForChangesAsync);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException && _disposed.IsCancellationRequested)
        {
            // The page is gone.
        }
        catch (MailOperationException)
        {
            // No checks without the session's settings; whatever is wrong shows on the user's next action.
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    private async Task CheckForChangesAsync()
    {
        if (_checking || _loading || _page is null || _selected.Count > 0)
        {
            return; // Never pull the list from under a user who is choosing messages.
        }

        _checking = true;
        try
        {
            var now = await Mailbox.CheckFolderAsync(Folder, _disposed.Token);
            var counts = now is null ? (-1, -1) : (now.Total, now.Unread);
            var changed = _lastSeen is { } seen && seen != counts;
            _lastSeen ??= counts;
            if (changed)
            {
                await LoadAsync(refresh: true, byUser: false);
                StateHasChanged();
            }
        }
        catch (MailOperationException exception) when (exception.Problem == MailProblem.SessionEnded)
        {
            _problem = exception.Problem;
            StateHasChanged();
        }
        catch (MailOperationException)
        {
            // The server is unreachable for a moment: the next check, or the user's Refresh, tries again.
        }
        finally
        {
            _checking = false;
        }
    }

    private Task RefreshAsync() => LoadAsync(refresh: true);

    /// <param name="byUser">False when the new-mail check reloads: that is not the user's activity.</param>
    private async Task LoadAsync(bool refresh, bool byUser = true)
    {
        _loadCancellation.Cancel();
        _loadCancellation.Dispose();
        _loadCancellation = RendererInfo.IsInteractive ? new CancellationTokenSource() : new CancellationTokenSource(Prerendering.Wait);
        var token = _loadCancellation.Token;
        _loading = true;
        _problem = null;
        try
        {
            if (byUser || _features is null)
            {
                _features = await Mailbox.GetFeaturesAsync();
                var folders = _features.Folders ? Mailbox.ListFoldersAsync(refresh, token) : null;
                _page = await Mailbox.ListAsync(Query, refresh, token);
                _folders = folders is null ? null : await FoldersUnlessPrerenderingAsync(folders);
            }
            else
            {
                (_page, _folders) = await Mailbox.ReloadAfterNewMailAsync(Query, _features.Folders, token);
            }

            // What the next check compares with: the folder's counts as listed with this page (POP3: unknown until then).
            _lastSeen = CurrentFolder is { } current ? (current.Total, current.Unread) : null;
        }
        catch (MailOperationException exception)
        {
            _problem = exception.Problem;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        finally
        {
            _loading = false;
        }
    }

    /// <summary>
    /// Prerendered, the rows go out without waiting for the folder pane (its column keeps its place): the live page
    /// shows the folders a moment later, from the session's cache. Live, the page waits for both.
    /// </summary>
    private async Task<IReadOnlyList<MailFolder>?> FoldersUnlessPrerenderingAsync(Task<IReadOnlyList<MailFolder>> folders)
    {
        if (RendererInfo.IsInteractive || folders.IsCompleted)
        {
            return await folders;
        }

        _ = folders.ObserveFailure();
        return null;
    }

    private void Select(string id, bool selected)
    {
        if (selected)
        {
            _selected.Add(id);
        }
        else
        {
            _selected.Remove(id);
        }
    }

    private async Task ToggleStarAsync(MessageSummary message)
    {
        try
        {
            await Mailbox.SetFlaggedAsync([message.Id], !message.IsFlagged);
            await LoadAsync(refresh: false);
        }
        catch (MailOperationException exception)
        {
            _problem = exception.Problem;
        }
    }

    /// <summary>Dragging a selected row takes the whole selection along; any other row goes alone.</summary>
    private void StartDrag(string id) => _dragged = _selected.Contains(id) ? [.. _selected] : [id];

    private async Task DropAsync(string folder)
    {
        var ids = _dragged;
        _dragged = [];
        if (ids.Count == 0 || folder == Folder)
        {
            return;
        }

        try
        {
            await UndoableMoves.MoveAsync(Mailbox, Notifications, T, ids, folder, FolderLabels.NameOf(folder, _folders, T));
            await ActionDoneAsync();
        }
        catch (MailOperationException exception)
        {
            _problem = exception.Problem;
        }
    }

    private async Task ActionDoneAsync()
    {
        _selected.Clear();
        await LoadAsync(refresh: false);
    }

    private async Task FoldersChangedAsync(string? goTo)
    {
        if (goTo is not null && goTo != Folder)
        {
            Navigation.NavigateTo(MailboxLink.For(new MessageQuery(Folder: goTo)));
            return;
        }

        await LoadAsync(refresh: false);
    }

    private string PageLink(int pageIndex) => MailboxLink.For(Query with { PageIndex = Math.Max(0, pageIndex) });

    public void Dispose()
    {
        Notifications.MailboxChanged -= ReloadAfterUndoAsync;
        _disposed.Cancel();
        _disposed.Dispose();
        _loadCancellation.Cancel();
        _loadCancellation.Dispose();
    }
}
