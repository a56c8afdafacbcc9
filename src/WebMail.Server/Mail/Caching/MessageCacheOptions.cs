namespace WebMail.Server.Mail.Caching;

/// <summary>The "MessageCache" configuration section: how much decoded mail is kept in memory.</summary>
public sealed class MessageCacheOptions
{
    public const string SectionName = "MessageCache";

    /// <summary>Bytes of decoded messages one session may keep.</summary>
    public long MaxBytesPerSession { get; set; } = 32L * 1024 * 1024;

    /// <summary>Bytes of decoded messages all sessions together may keep.</summary>
    public long MaxBytesTotal { get; set; } = 1024L * 1024 * 1024;
}
