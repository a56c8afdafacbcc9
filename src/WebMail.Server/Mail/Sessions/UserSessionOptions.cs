namespace WebMail.Server.Mail.Sessions;

/// <summary>The "Sessions" configuration section: how long a signed-in session lives.</summary>
public sealed class UserSessionOptions
{
    public const string SectionName = "Sessions";

    /// <summary>A session nobody used for this long ends.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however busy.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>An IMAP connection unused this long is logged out; the next action reconnects.</summary>
    public TimeSpan ImapIdleDisconnect { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often an open message list asks the server whether its folder changed (new mail, another client's changes).</summary>
    public TimeSpan NewMailCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often ended sessions are looked for (their passwords dropped, their connections closed).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
