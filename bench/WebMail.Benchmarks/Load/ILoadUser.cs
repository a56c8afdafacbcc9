namespace WebMail.Benchmarks.Load;

/// <summary>One student of the load run, in a real browser page (<see cref="BrowserUser"/>) or speaking the circuit protocol (<see cref="CircuitUser"/>).</summary>
internal interface ILoadUser
{
    /// <summary>How long an action (or a sign-in step) may take before it counts as an error, for either kind of user.</summary>
    static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Opens the <paramref name="index"/>th message of the page shown.</summary>
    Task<ActionTiming> OpenMessageAsync(int index);

    /// <summary>Goes to the next older (or newer) page of the list, whose first message is number <paramref name="firstOfPage"/>.</summary>
    Task<ActionTiming> TurnPageAsync(bool older, int firstOfPage);

    Task SignOutAsync();
}

/// <summary>How the load run plays its students.</summary>
internal enum LoadClient
{
    /// <summary>Pages in one headless Chromium: the whole path, drawing included, but the browser needs most of the machine.</summary>
    Browser,

    /// <summary>Blazor's circuit protocol spoken directly: what the server does, with the generator's cost kept small.</summary>
    Protocol,
}
