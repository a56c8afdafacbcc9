using System.Security.Cryptography;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Drafts;

/// <summary>
/// The drafts of one session: several at once (tabs, a draft opened from the Drafts folder beside a new message),
/// each saved under its own key. Used only under <see cref="Gate"/>.
/// </summary>
public sealed class SessionDrafts
{
    /// <summary>At most this many drafts per session: older ones stay in the Drafts folder (IMAP), not in memory.</summary>
    public const int MaxDrafts = 20;

    private readonly List<SessionDraft> _drafts = [];
    private long _saves;

    /// <summary>One save, restore or discard at a time (see <see cref="DraftService"/>). Never disposed: it holds no handle.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>True once the shared store (Redis) was asked for this session's draft, or told it: no need to ask again.</summary>
    public bool SharedLoaded { get; set; }

    /// <summary>True once a POP3 user's drafts kept beyond the session (<see cref="KeptDrafts"/>) were looked for.</summary>
    public bool KeptLoaded { get; set; }

    /// <summary>The draft the shared store holds (the latest when it was last told), whose files it keeps.</summary>
    public string? SharedKey { get; set; }

    public IReadOnlyList<SessionDraft> All => _drafts;

    /// <summary>The draft saved most recently, which a new compose page offers.</summary>
    public SessionDraft? Latest => _drafts.Where(d => d.Message is not null).MaxBy(d => d.SavedAt);

    public SessionDraft? Find(string key) => _drafts.FirstOrDefault(d => d.Key == key);

    public SessionDraft? FindCopy(string copyId) => _drafts.FirstOrDefault(d => d.CopyId == copyId);

    public SessionDraft Add(OutgoingMessage? message = null, string? copyId = null)
    {
        var draft = new SessionDraft(Convert.ToHexString(RandomNumberGenerator.GetBytes(8))) { Message = message, CopyId = copyId, SavedAt = ++_saves };
        _drafts.Add(draft);
        if (_drafts.Count > MaxDrafts)
        {
            _drafts.Remove(_drafts.MinBy(d => d.SavedAt)!);
        }

        return draft;
    }

    public void Saved(SessionDraft draft)
    {
        draft.Version++;
        draft.SavedAt = ++_saves;
    }

    public void Remove(SessionDraft draft) => _drafts.Remove(draft);
}
