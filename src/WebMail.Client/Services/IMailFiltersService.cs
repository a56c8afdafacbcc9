namespace WebMail.Client.Services;

/// <summary>
/// The signed-in user's away message and filters, kept on the school's mail server (ManageSieve) so they run while
/// nobody is signed in. WebMail changes only its own script there; another mail program's stays as it was.
/// </summary>
public interface IMailFiltersService
{
    /// <summary>Where the user changes them: here, on the school's own page, or nowhere. Asks no server.</summary>
    /// <exception cref="MailOperationException">SessionEnded when nobody is signed in.</exception>
    Task<FiltersPlace> PlaceAsync(CancellationToken cancellationToken = default);

    /// <summary>The filters as the server has them now.</summary>
    /// <exception cref="MailOperationException">FiltersNotOffered without ManageSieve; the server's problems (Unreachable, …).</exception>
    Task<FiltersOnServer> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps the away message, the rest as the server has it at that moment: checked with the server (CHECKSCRIPT),
    /// stored and turned on. Returns the filters as the server now has them.
    /// </summary>
    /// <exception cref="MailOperationException">FiltersRefused with the server's words in Detail; FiltersNotOffered; the server's problems.</exception>
    Task<FiltersOnServer> SaveAwayAsync(AwayMessage away, CancellationToken cancellationToken = default);

    /// <summary>Keeps the blocked and allowed senders and the rules of <paramref name="filters"/>; the away message stays as the server has it.</summary>
    /// <exception cref="MailOperationException">As <see cref="SaveAwayAsync"/>.</exception>
    Task<FiltersOnServer> SaveFiltersAsync(MailFilters filters, CancellationToken cancellationToken = default);

    /// <summary>Adds a sender to the blocked list (and takes them off the allowed one): their mail is discarded from now on.</summary>
    /// <exception cref="MailOperationException">As <see cref="SaveAwayAsync"/>.</exception>
    Task<FiltersOnServer> BlockSenderAsync(string address, CancellationToken cancellationToken = default);

    /// <summary>
    /// The away message while it is on (and not past its end), as last read or saved in this session (the server is
    /// asked once per session); null when it is off or filters are not offered. Never throws for a server problem:
    /// it feeds a notice, not a page.
    /// </summary>
    Task<AwayMessage?> AwayMessageOnAsync(CancellationToken cancellationToken = default);
}

/// <summary>Where the away message and filters are changed.</summary>
/// <param name="Here">The domain has ManageSieve: WebMail's own pages.</param>
/// <param name="ElsewhereUrl">Otherwise, the school's own settings page, when it configured one.</param>
public sealed record FiltersPlace(bool Here, string? ElsewhereUrl);

/// <summary>The filters as the server has them, and what the pages should know about it.</summary>
/// <param name="Running">WebMail's script is the active one (or there is nothing to run): false when another mail
/// program made its own active since, so WebMail's filters do not run until saved again.</param>
/// <param name="OtherScripts">Other programs' scripts on the server, left untouched; the first is the one kept running, if any.</param>
/// <param name="KeptRunning">The other program's script WebMail's includes (so both run), if any.</param>
/// <param name="Extensions">What the server's Sieve can do ("vacation", "fileinto", "reject", …): pages offer only those actions.</param>
public sealed record FiltersOnServer(
    MailFilters Filters, bool Running, IReadOnlyList<string> OtherScripts, string? KeptRunning, IReadOnlySet<string> Extensions)
{
    /// <summary>Whether the server can do <paramref name="action"/> (each needs a Sieve extension but discard and forward).</summary>
    public bool Offers(FilterAction action) => action switch
    {
        FilterAction.MoveTo => Extensions.Contains("fileinto"),
        FilterAction.CopyTo => Extensions.Contains("fileinto") && Extensions.Contains("copy"),
        FilterAction.MarkRead or FilterAction.Star => Extensions.Contains("imap4flags"),
        FilterAction.ForwardKeepCopy => Extensions.Contains("copy"),
        FilterAction.Reject => Extensions.Contains("reject"),
        _ => true,
    };
}
