using Microsoft.AspNetCore.Components;
using WebMail.Client.Services;

namespace WebMail.Client.Pages;

public sealed partial class Inbox
{
    private const int PageSize = 50;

    private CancellationTokenSource _loadCancellation = new();
    private MessagePage? _page;
    private MailProblem? _problem;
    private bool _loading;

    [Inject]
    private IMailboxService Mailbox { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "page")]
    private int? PageNumber { get; set; }

    private int PageIndex => Math.Max(0, (PageNumber ?? 1) - 1);

    private string Title => _page is null ? $"{T["Inbox_Title"]} · {T["AppName"]}" : $"{T["Inbox_Title"]} ({_page.TotalCount}) · {T["AppName"]}";

    protected override Task OnParametersSetAsync() => LoadAsync(refresh: false);

    private Task RefreshAsync() => LoadAsync(refresh: true);

    private async Task LoadAsync(bool refresh)
    {
        if (!RendererInfo.IsInteractive)
        {
            return; // Prerendering: the live circuit loads it (once) with the user's session.
        }

        _loadCancellation.Cancel();
        _loadCancellation.Dispose();
        _loadCancellation = new CancellationTokenSource();
        var token = _loadCancellation.Token;
        _loading = true;
        _problem = null;
        try
        {
            _page = await Mailbox.ListAsync(PageIndex, PageSize, refresh, token);
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

    private string SubjectOf(MessageSummary message) => string.IsNullOrEmpty(message.Subject) ? T["Message_NoSubject"] : message.Subject;

    private static string PageLink(int pageIndex) => pageIndex <= 0 ? "./" : $"?page={pageIndex + 1}";

    public void Dispose()
    {
        _loadCancellation.Cancel();
        _loadCancellation.Dispose();
    }
}
