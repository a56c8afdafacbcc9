using Microsoft.Extensions.Options;
using WebMail.Server.Mail.Rendering;

namespace WebMail.Server.Mail.Caching;

/// <summary>
/// One session's decoded messages, least recently used evicted first, bounded by the session's byte budget and
/// by the shared total. Nothing in it is ever shared with another session; it is emptied when the session ends.
/// </summary>
public sealed class DecodedMessageCache(IOptionsMonitor<MessageCacheOptions> options, MessageCacheBudget budget)
{
    private readonly Dictionary<string, LinkedListNode<RenderedMessage>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<RenderedMessage> _recency = new();
    private readonly Lock _lock = new();
    private long _bytes;

    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(string id, out RenderedMessage message)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(id, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                message = node.Value;
                return true;
            }
        }

        message = null!;
        return false;
    }

    public void Add(RenderedMessage message)
    {
        var settings = options.CurrentValue;
        lock (_lock)
        {
            RemoveLocked(message.View.Id);
            if (message.Size > settings.MaxBytesPerSession)
            {
                return; // Larger than the whole budget: shown once, fetched again next time.
            }

            _entries[message.View.Id] = _recency.AddFirst(message);
            _bytes += message.Size;
            budget.Add(message.Size);
            while (_recency.Count > 1 && (_bytes > settings.MaxBytesPerSession || budget.Used > settings.MaxBytesTotal))
            {
                RemoveLocked(_recency.Last!.Value.View.Id);
            }
        }
    }

    public void Remove(string id)
    {
        lock (_lock)
        {
            RemoveLocked(id);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            budget.Release(_bytes);
            _entries.Clear();
            _recency.Clear();
            _bytes = 0;
        }
    }

    private void RemoveLocked(string id)
    {
        if (_entries.Remove(id, out var node))
        {
            _recency.Remove(node);
            _bytes -= node.Value.Size;
            budget.Release(node.Value.Size);
        }
    }
}
