using WebMail.Client.Services;

namespace WebMail.ComponentTests;

/// <summary>The away message and filters kept in memory, as a ManageSieve server would; it can refuse or fail.</summary>
public sealed class FakeMailFilters : IMailFiltersService
{
    public FiltersPlace Place { get; set; } = new(Here: true, ElsewhereUrl: null);

    public MailFilters Filters { get; set; } = new();

    /// <summary>False: another program's script is active instead (its name in <see cref="OtherScripts"/>).</summary>
    public bool Running { get; set; } = true;

    public List<string> OtherScripts { get; } = [];

    public HashSet<string> Extensions { get; } = ["fileinto", "copy", "imap4flags", "reject", "vacation", "include", "date", "relational"];

    /// <summary>What the server says when it refuses the next save (CHECKSCRIPT's words).</summary>
    public string? RefuseWith { get; set; }

    /// <summary>Every call fails with this while set.</summary>
    public MailProblem? Failure { get; set; }

    public List<MailFilters> Saves { get; } = [];

    public Task<FiltersPlace> PlaceAsync(CancellationToken cancellationToken = default) => Task.FromResult(Place);

    public Task<FiltersOnServer> GetAsync(CancellationToken cancellationToken = default) => Answer();

    public Task<FiltersOnServer> SaveAwayAsync(AwayMessage away, CancellationToken cancellationToken = default) =>
        Save(Filters with { Away = away });

    public Task<FiltersOnServer> SaveFiltersAsync(MailFilters filters, CancellationToken cancellationToken = default) =>
        Save(filters with { Away = Filters.Away });

    public Task<FiltersOnServer> BlockSenderAsync(string address, CancellationToken cancellationToken = default) =>
        Save(Filters with { BlockedSenders = [.. Filters.BlockedSenders, address.ToLowerInvariant()] });

    public Task<AwayMessage?> AwayMessageOnAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Failure is null && Place.Here && Filters.Away.Enabled ? Filters.Away : null);

    private Task<FiltersOnServer> Save(MailFilters filters)
    {
        if (RefuseWith is { } words)
        {
            throw new MailOperationException(MailProblem.FiltersRefused, detail: words);
        }

        if (Failure is null)
        {
            Saves.Add(filters);
            (Filters, Running) = (filters, true);
        }

        return Answer();
    }

    private Task<FiltersOnServer> Answer() => Failure is { } problem
        ? throw new MailOperationException(problem)
        : Task.FromResult(new FiltersOnServer(Filters, Running, [.. OtherScripts], Running ? OtherScripts.FirstOrDefault() : null, Extensions));
}
