namespace WebMail.Server.Mail.Caching;

/// <summary>The bytes held by all sessions' message caches together, against the configured total.</summary>
public sealed class MessageCacheBudget
{
    private long _used;

    public long Used => Interlocked.Read(ref _used);

    public void Add(long bytes) => Interlocked.Add(ref _used, bytes);

    public void Release(long bytes) => Interlocked.Add(ref _used, -bytes);
}
