namespace WebMail.Client.Services;

/// <summary>How much of the account's storage on the mail server is used (IMAP QUOTA, RFC 9208).</summary>
public sealed record MailboxQuota(long UsedBytes, long LimitBytes)
{
    /// <summary>From here on the user is warned and offered ways to make room.</summary>
    public const int WarnAtPercent = 90;

    public int Percent => LimitBytes <= 0 ? 0 : (int)Math.Min(100, UsedBytes * 100 / LimitBytes);

    public bool AlmostFull => Percent >= WarnAtPercent;
}
