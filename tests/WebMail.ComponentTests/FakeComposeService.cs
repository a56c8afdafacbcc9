using WebMail.Client.Services;

namespace WebMail.ComponentTests;

/// <summary>The compose page's services as it sees them, with a saved draft and a prepared reply the test chooses.</summary>
public sealed class FakeComposeService : IComposeService, IDraftService, IAddressBookService
{
    // Volatile: a test's thread waits for a save to show here, then reads what else that save recorded.
    private volatile OutgoingMessage? _draft;

    public OutgoingMessage? Draft { get => _draft; set => _draft = value; }

    public OutgoingMessage? Prepared { get; set; }

    public long MaxAttachmentBytes => 25_000_000;

    public long MaxAttachmentBytesPerFile => 25_000_000;

    /// <summary>What the address book offers, whatever is typed (the component's own matching is the server's).</summary>
    public List<RecipientSuggestion> Suggestions { get; } = [];

    /// <summary>What was typed when suggestions were asked for.</summary>
    public List<string> Asked { get; } = [];

    /// <summary>Completes when the suggestions' sources are ready (at once unless a test holds it).</summary>
    public Task SourcesReady { get; set; } = Task.CompletedTask;

    public Task PrepareAsync(CancellationToken cancellationToken = default) => SourcesReady.WaitAsync(cancellationToken);

    public Task<IReadOnlyList<RecipientSuggestion>> SuggestAsync(string typed, CancellationToken cancellationToken = default)
    {
        Asked.Add(typed);
        return Task.FromResult<IReadOnlyList<RecipientSuggestion>>([.. Suggestions]);
    }

    public AddressCheck CheckAddresses(string field) => new(field.Contains('@', StringComparison.Ordinal) ? 1 : 0, field.Contains('@', StringComparison.Ordinal) ? [] : [field]);

    /// <summary>The addresses the user may send from (their own first).</summary>
    public List<string> Senders { get; } = ["alice@school.test"];

    public Task<IReadOnlyList<string>> SenderAddressesAsync() => Task.FromResult<IReadOnlyList<string>>([.. Senders]);

    public Task<OutgoingMessage> PrepareAsync(ComposeMode mode, string messageId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Prepared ?? throw new InvalidOperationException("no prepared message"));

    public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SendResult(MailProblem.None));

    /// <summary>What was scheduled, and for when.</summary>
    public List<(OutgoingMessage Message, DateTimeOffset SendAt)> Scheduled { get; } = [];

    public Task<SendResult> ScheduleAsync(OutgoingMessage message, DateTimeOffset sendAt, CancellationToken cancellationToken = default)
    {
        Scheduled.Add((message, sendAt));
        return Task.FromResult(new SendResult(MailProblem.None));
    }

    /// <summary>The draft the last save said it wrote.</summary>
    public DraftRef? LastSavedAs { get; private set; }

    public Task<DraftRef> SaveAsync(DraftRef? of, OutgoingMessage draft, CancellationToken cancellationToken = default)
    {
        // Tests wait for Draft from their own thread, then read LastSavedAs: it is set first (once seen in a loaded run).
        LastSavedAs = of;
        Draft = draft;
        return Task.FromResult(new DraftRef("d", (of?.Version ?? 0) + 1));
    }

    public Task<SessionDraftCopy?> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Draft is null ? null : new SessionDraftCopy(new DraftRef("d", 1), Draft));

    /// <summary>Drafts in the server's Drafts folder, by message id.</summary>
    public Dictionary<string, OutgoingMessage> DraftsFolder { get; } = [];

    public Task<SessionDraftCopy> OpenAsync(string messageId, CancellationToken cancellationToken = default) =>
        DraftsFolder.TryGetValue(messageId, out var draft)
            ? Task.FromResult(new SessionDraftCopy(new DraftRef(messageId, 0), Draft = draft))
            : Task.FromException<SessionDraftCopy>(new MailOperationException(MailProblem.MessageNotFound));

    public Task DiscardAsync(DraftRef? of, CancellationToken cancellationToken = default)
    {
        Draft = null;
        return Task.CompletedTask;
    }

    public Task<SendResult> CompleteAsync(string pendingId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SendResult(MailProblem.None));

    public Task<bool> UndoAsync(string pendingId) => Task.FromResult(false);
}
