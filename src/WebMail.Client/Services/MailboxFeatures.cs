namespace WebMail.Client.Services;

/// <summary>What the user's reading protocol can do, so the UI hides what it cannot instead of showing controls that fail.</summary>
public sealed record MailboxFeatures(bool Folders, bool ServerFlags, bool BodySearch, bool Threads)
{
    /// <summary>How often an open message list checks for changes on the server (zero: never).</summary>
    public TimeSpan NewMailCheckInterval { get; init; }

    /// <summary>The away message and filters can be changed here (the domain has ManageSieve), so a message offers "Block sender".</summary>
    public bool ServerFilters { get; init; }

    public static MailboxFeatures Imap { get; } = new(Folders: true, ServerFlags: true, BodySearch: true, Threads: true);

    public static MailboxFeatures Pop3 { get; } = new(Folders: false, ServerFlags: false, BodySearch: false, Threads: false);
}
