using WebMail.Client.Services;

namespace WebMail.ComponentTests;

/// <summary>A mailbox of two folders and three messages that records which service calls the UI made.</summary>
public sealed class RecordingMailbox : IMailboxService
{
    public static readonly IReadOnlyList<MailFolder> TwoFolders =
    [
        new("INBOX", "INBOX", 0, SpecialFolderKind.Inbox, 1, 3, true),
        new("Trash", "Trash", 0, SpecialFolderKind.Trash, 0, 0, true),
    ];

    public static readonly IReadOnlyList<MessageSummary> ThreeMessages =
    [
        new("m3", "王老师", "wang@school.test", "第三周", DateTimeOffset.Parse("2026-11-03T08:00:00Z"), 1000, IsRead: false, HasAttachments: false),
        new("m2", "Bob", "bob@school.test", "Notes", DateTimeOffset.Parse("2026-11-02T08:00:00Z"), 1000, IsRead: true, HasAttachments: false),
        new("m1", "Carol", "carol@school.test", "Lab", DateTimeOffset.Parse("2026-11-01T08:00:00Z"), 1000, IsRead: true, HasAttachments: false),
    ];

    public List<string> Calls { get; } = [];

    /// <summary>The messages every listing returns.</summary>
    public IReadOnlyList<MessageSummary> Messages { get; set; } = ThreeMessages;

    /// <summary>What the server could not do for a listing (search the text, sort), as the page will say.</summary>
    public (bool BodyNotSearched, bool SortedNewestOnly) Limits { get; set; }

    public Task<MailboxFeatures> GetFeaturesAsync() => Record(nameof(GetFeaturesAsync), MailboxFeatures.Imap);

    /// <summary>How long listing takes (a slow mail server); it gives up when the caller cancels.</summary>
    public TimeSpan ListDelay { get; set; }

    /// <summary>A listing is waiting for the slow mail server.</summary>
    public bool ListPending { get; private set; }

    /// <summary>The query the list was last asked for.</summary>
    public MessageQuery? LastQuery { get; private set; }

    public async Task<MessagePage> ListAsync(MessageQuery query, bool refresh = false, CancellationToken cancellationToken = default)
    {
        LastQuery = query;
        var page = await Record(nameof(ListAsync), new MessagePage(Messages, Messages.Count, query.PageIndex, query.PageSize)
        {
            BodyNotSearched = Limits.BodyNotSearched,
            SortedNewestOnly = Limits.SortedNewestOnly,
        });
        if (ListDelay != TimeSpan.Zero)
        {
            ListPending = true;
            try
            {
                await Task.Delay(ListDelay, cancellationToken);
            }
            finally
            {
                ListPending = false;
            }
        }

        return page;
    }

    public Task<MailFolder?> CheckFolderAsync(string path, CancellationToken cancellationToken = default) =>
        Record(nameof(CheckFolderAsync), TwoFolders.FirstOrDefault(f => f.Path == path));

    public Task<(MessagePage Page, IReadOnlyList<MailFolder>? Folders)> ReloadAfterNewMailAsync(
        MessageQuery query, bool withFolders, CancellationToken cancellationToken = default) =>
        Record<(MessagePage, IReadOnlyList<MailFolder>?)>(nameof(ReloadAfterNewMailAsync), (new MessagePage(ThreeMessages, 3, 0, 50), TwoFolders));

    /// <summary>How long listing the folders takes (their counts, on a slow server); it gives up when the caller cancels.</summary>
    public TimeSpan FoldersDelay { get; set; }

    public async Task<IReadOnlyList<MailFolder>> ListFoldersAsync(bool refresh = false, CancellationToken cancellationToken = default)
    {
        var folders = await Record(nameof(ListFoldersAsync), TwoFolders);
        if (FoldersDelay != TimeSpan.Zero)
        {
            await Task.Delay(FoldersDelay, cancellationToken);
        }

        return folders;
    }

    /// <summary>How long opening a message takes (a slow mail server); it gives up when the caller cancels.</summary>
    public TimeSpan OpenDelay { get; set; }

    /// <summary>Messages open as HTML with remote content (pictures from the web).</summary>
    public bool RemoteContent { get; set; }

    /// <summary>The sanitized HTML body the opened message has (null: none, or only at the body's URL).</summary>
    public string? SafeHtml { get; set; }

    /// <summary>The body as the server rebuilds formatted text for the page (InPageHtml); null: it needs its frame.</summary>
    public string? InPageHtml { get; set; }

    /// <summary>Opened messages ask for a read receipt to this address.</summary>
    public string? ReceiptTo { get; set; }

    /// <summary>The attachments opened messages have.</summary>
    public IReadOnlyList<AttachmentInfo> Attachments { get; set; } = [];

    /// <summary>What a text attachment's preview reads; a message id and index not there is MessageNotFound.</summary>
    public Dictionary<(string MessageId, int Index), AttachmentText> AttachmentTexts { get; } = [];

    /// <summary>Opening a message is waiting for the slow mail server.</summary>
    public bool OpenPending { get; private set; }

    public async Task<MessageView> OpenAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var summary = Messages.Concat(ThreeMessages).First(m => m.Id == messageId);
        var view = await Record(nameof(OpenAsync), new MessageView(
            messageId, summary.FromName, summary.FromAddress, "alice@school.test", "", summary.Subject, summary.Date,
            "正文", HasHtmlBody: RemoteContent || SafeHtml is not null, HasRemoteContent: RemoteContent, Attachments, DecodingProblems: false)
        { ReceiptTo = ReceiptTo, SafeHtml = SafeHtml, InPageHtml = InPageHtml });
        if (OpenDelay != TimeSpan.Zero)
        {
            OpenPending = true;
            try
            {
                await Task.Delay(OpenDelay, cancellationToken);
            }
            finally
            {
                OpenPending = false;
            }
        }

        return view;
    }

    /// <summary>Files imported, by folder; a file that does not start with "From:" is refused as NotAMessage.</summary>
    public List<(string Folder, byte[] Eml)> Imported { get; } = [];

    /// <summary>Imports wait for this before finishing (null: at once).</summary>
    public TaskCompletionSource? ImportGate { get; set; }

    public async Task ImportAsync(string folder, byte[] eml, CancellationToken cancellationToken = default)
    {
        if (ImportGate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (!eml.AsSpan().StartsWith("From:"u8))
        {
            throw new MailOperationException(MailProblem.NotAMessage);
        }

        await Record(nameof(ImportAsync), true);
        Imported.Add((folder, eml));
    }

    public Task<AttachmentText> PreviewTextAsync(string messageId, int attachmentIndex, CancellationToken cancellationToken = default) =>
        AttachmentTexts.TryGetValue((messageId, attachmentIndex), out var text)
            ? Record(nameof(PreviewTextAsync), text)
            : throw new MailOperationException(MailProblem.MessageNotFound);

    public Task<(MessageSummary? Newer, MessageSummary? Older)> GetNeighboursAsync(string messageId, MessageQuery? listedIn = null) =>
        Record<(MessageSummary?, MessageSummary?)>(nameof(GetNeighboursAsync), (null, null));

    public Task<IReadOnlyList<MovedMessage>> DeleteAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken = default) =>
        Record<IReadOnlyList<MovedMessage>>(nameof(DeleteAsync), []);

    public Task SetReadAsync(IReadOnlyList<string> messageIds, bool read, CancellationToken cancellationToken = default) =>
        Record(nameof(SetReadAsync), true);

    public Task SetFlaggedAsync(IReadOnlyList<string> messageIds, bool flagged, CancellationToken cancellationToken = default) =>
        Record(nameof(SetFlaggedAsync), true);

    /// <summary>What the server says of the account's storage (null: no QUOTA).</summary>
    public MailboxQuota? Quota { get; set; }

    public Task<MailboxQuota?> GetQuotaAsync(CancellationToken cancellationToken = default) => Record(nameof(GetQuotaAsync), Quota);

    /// <summary>Each spam report, in order: which messages, spam or not.</summary>
    public List<(IReadOnlyList<string> Ids, bool Junk)> JunkReports { get; } = [];

    public Task<IReadOnlyList<MovedMessage>> ReportJunkAsync(IReadOnlyList<string> messageIds, bool junk, CancellationToken cancellationToken = default)
    {
        JunkReports.Add((messageIds, junk));
        return Record<IReadOnlyList<MovedMessage>>(nameof(ReportJunkAsync), [.. messageIds.Select(id => new MovedMessage("moved-" + id, "INBOX"))]);
    }

    public Task<IReadOnlyList<MovedMessage>> MoveAsync(IReadOnlyList<string> messageIds, string targetFolder, CancellationToken cancellationToken = default) =>
        Record<IReadOnlyList<MovedMessage>>(nameof(MoveAsync), []);

    public Task CopyAsync(IReadOnlyList<string> messageIds, string targetFolder, CancellationToken cancellationToken = default) =>
        Record(nameof(CopyAsync), true);

    public Task<string> CreateFolderAsync(string? parentPath, string name, CancellationToken cancellationToken = default) =>
        Record(nameof(CreateFolderAsync), name);

    public Task<string> RenameFolderAsync(string path, string newName, CancellationToken cancellationToken = default) =>
        Record(nameof(RenameFolderAsync), newName);

    public Task DeleteFolderAsync(string path, CancellationToken cancellationToken = default) => Record(nameof(DeleteFolderAsync), true);

    public Task EmptyTrashAsync(CancellationToken cancellationToken = default) => Record(nameof(EmptyTrashAsync), true);

    private Task<T> Record<T>(string call, T result)
    {
        lock (Calls)
        {
            Calls.Add(call);
        }

        return Task.FromResult(result);
    }
}
