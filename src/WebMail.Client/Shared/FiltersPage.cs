using Microsoft.AspNetCore.Components;
using WebMail.Client.Services;

namespace WebMail.Client.Shared;

/// <summary>
/// What the away-message and filters pages share: where the filters are changed, what the server has, and saving
/// (a refusal keeps what was typed and shows the server's words). Read only once the page is live: a ManageSieve
/// connection for the prerendered HTML would be thrown away.
/// </summary>
public abstract class FiltersPage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();

    [Inject]
    protected IMailFiltersService Filters { get; set; } = null!;

    protected FiltersPlace? Place { get; private set; }

    protected FiltersOnServer? State { get; private set; }

    protected MailProblem? Problem { get; private set; }

    /// <summary>The server's words when it refused what was saved.</summary>
    protected string? RefusedDetail { get; private set; }

    protected bool Busy { get; private set; }

    protected bool Saved { get; set; }

    protected bool CannotAct => Busy || !RendererInfo.IsInteractive;

    protected override Task OnInitializedAsync() => RendererInfo.IsInteractive ? LoadAsync() : Task.CompletedTask;

    protected async Task LoadAsync()
    {
        Problem = null;
        try
        {
            Place = await Filters.PlaceAsync(_disposed.Token);
            if (Place.Here)
            {
                State = await Filters.GetAsync(_disposed.Token);
                Loaded(State);
            }
        }
        catch (MailOperationException exception)
        {
            Problem = exception.Problem;
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
    }

    /// <summary>Runs a save; the form keeps what was typed if it fails.</summary>
    protected async Task SaveAsync(Func<CancellationToken, Task<FiltersOnServer>> save)
    {
        (Busy, Saved, Problem, RefusedDetail) = (true, false, null, null);
        try
        {
            State = await save(_disposed.Token);
            Saved = true;
            Loaded(State);
        }
        catch (MailOperationException exception)
        {
            (Problem, RefusedDetail) = (exception.Problem, exception.Detail);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>The server's filters arrived (loaded or saved): the form shows them.</summary>
    protected abstract void Loaded(FiltersOnServer state);

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
