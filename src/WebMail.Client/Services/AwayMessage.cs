namespace WebMail.Client.Services;

/// <summary>
/// An out-of-office reply the mail server sends while the user is away (Sieve "vacation", RFC 5230): between the
/// dates (either may be open), at most once per sender every <see cref="Days"/> days, never to mailing lists or
/// bulk mail, for mail sent to the user's own address or one of <see cref="Addresses"/>.
/// </summary>
public sealed record AwayMessage
{
    public const int MaxTextLength = 4000;

    public bool Enabled { get; init; }

    public DateOnly? Start { get; init; }

    public DateOnly? End { get; init; }

    public string Subject { get; init; } = "";

    public string Text { get; init; } = "";

    /// <summary>Answer each sender at most once in this many days (1–30).</summary>
    public int Days { get; init; } = 7;

    /// <summary>Other addresses of the user's (aliases) whose mail is answered too.</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [];
}
