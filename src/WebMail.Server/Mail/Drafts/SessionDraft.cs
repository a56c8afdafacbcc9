using System.Runtime.CompilerServices;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Drafts;

/// <summary>One message the user is writing, kept for the session so no reload or dropped connection loses it.</summary>
public sealed class SessionDraft(string key)
{
    // The compose page keeps each picked file's bytes in one array for as long as it is attached: that array is the
    // file's identity, so an autosave knows which files the shared store already has.
    private readonly ConditionalWeakTable<byte[], string> _sharedFileIds = [];

    public string Key { get; } = key;

    /// <summary>Raised by every save: a page that saw an older version saves beside it instead of over it.</summary>
    public int Version { get; set; }

    /// <summary>When it was last saved (the session's save counter): the newest is what a new compose page offers.</summary>
    public long SavedAt { get; set; }

    /// <summary>The draft as last saved, or null.</summary>
    public OutgoingMessage? Message { get; set; }

    /// <summary>The id of the draft's copy in the server's Drafts folder (IMAP), replaced on every save that changed it.</summary>
    public string? CopyId { get; set; }

    public DraftRef Ref => new(Key, Version);

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
