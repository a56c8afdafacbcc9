namespace WebMail.Client.Services;

/// <summary>
/// What the mail server does with the user's mail as it arrives (Sieve, RFC 5228), kept in WebMail's own script:
/// the away message, senders always blocked (discarded) or always let through, and rules in order.
/// </summary>
public sealed record MailFilters
{
    public const int MaxRules = 100;

    public const int MaxListedSenders = 500;

    public const int MaxConditions = 20;

    public const int MaxActions = 10;

    /// <summary>The longest value of a condition or argument of an action.</summary>
    public const int MaxValueLength = 1000;

    public AwayMessage Away { get; init; } = new();

    /// <summary>Senders (addresses or domains, "@spam.example") whose mail is thrown away unread.</summary>
    public IReadOnlyList<string> BlockedSenders { get; init; } = [];

    /// <summary>Senders whose mail always reaches the inbox: the rules below do not move or drop it.</summary>
    public IReadOnlyList<string> AllowedSenders { get; init; } = [];

    public IReadOnlyList<FilterRule> Rules { get; init; } = [];
}

/// <summary>One rule: when all (or any) of its conditions hold, its actions run; turned off, it is kept but skipped.</summary>
public sealed record FilterRule(string Name, bool Enabled, bool MatchAll, IReadOnlyList<FilterCondition> Conditions, IReadOnlyList<FilterStep> Actions);

public enum FilterField
{
    From,
    ToOrCc,
    Subject,

    /// <summary>The message's size, in KB: <see cref="FilterMatch.Over"/> or <see cref="FilterMatch.Under"/>.</summary>
    Size,

    /// <summary>Any header, named in <see cref="FilterCondition.HeaderName"/>.</summary>
    Header,
}

public enum FilterMatch
{
    Contains,
    Is,

    /// <summary>Wildcards: * any text, ? one character.</summary>
    Matches,
    Over,
    Under,
}

public sealed record FilterCondition(FilterField Field, FilterMatch Match, string Value, string? HeaderName = null);

public enum FilterAction
{
    MoveTo,
    CopyTo,
    MarkRead,
    Star,

    /// <summary>To another address, no copy kept.</summary>
    Forward,
    ForwardKeepCopy,
    Discard,

    /// <summary>Refused, the sender told why (the step's argument).</summary>
    Reject,
}

/// <param name="Argument">The folder, the address, or the rejection's words; empty for the others.</param>
public sealed record FilterStep(FilterAction Action, string Argument = "");
