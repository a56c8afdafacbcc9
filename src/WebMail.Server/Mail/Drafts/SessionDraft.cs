using System.Runtime.CompilerServices;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Drafts;

/// <summary>What the user is writing, kept for the session so no reload or dropped connection loses it.</summary>
public sealed class SessionDraft
{
    // The compose page keeps each picked file's bytes in one array for as long as it is attached: that array is the
    // file's identity, so an autosave knows which files the shared store already has.
    private readonly ConditionalWeakTable<byte[], string> _sharedFileIds = [];

    /// <summary>The draft as last saved, or null.</summary>
    public OutgoingMessage? Message { get; set; }

    /// <summary>The id of the draft's copy in the server's Drafts folder (IMAP), replaced on every save that changed it.</summary>
    public string? CopyId { get; set; }

    /// <summary>True once the shared store (Redis) was asked for this session's draft, or told it: no need to ask again.</summary>
    public bool SharedLoaded { get; set; }

    /// <summary>True once a POP3 user's draft kept beyond the session (<see cref="KeptDrafts"/>) was looked for.</summary>
    public bool KeptLoaded { get; set; }

    /// <summary>One save, restore or discard at a time (see <see cref="DraftService"/>). Never disposed: it holds no handle.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The ids under which the shared store holds the attachments it was given.</summary>
    public HashSet<string> SharedFileIds { get; } = new(StringComparer.Ordinal);

    /// <summary>The id the shared store has <paramref name="content"/> under, if it was given it.</summary>
    public bool TryGetSharedFileId(byte[] content, out string fileId) =>
        _sharedFileIds.TryGetValue(content, out fileId!) && SharedFileIds.Contains(fileId);

    public void RememberSharedFile(byte[] content, string fileId)
    {
        _sharedFileIds.AddOrUpdate(content, fileId);
        SharedFileIds.Add(fileId);
    }
}
