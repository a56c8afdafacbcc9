namespace WebMail.Client.Services;

/// <summary>Finding a person as an address is typed.</summary>
public interface IAddressBookService
{
    /// <summary>At most this many suggestions are given for one query.</summary>
    public const int MaxSuggestions = 8;

    /// <summary>
    /// People and groups whose name (also by pinyin and initials), address or student number matches
    /// <paramref name="typed"/>: contacts, collected addresses and senders seen in this session, the most written to first.
    /// </summary>
    Task<IReadOnlyList<RecipientSuggestion>> SuggestAsync(string typed, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the suggestions' sources ready before the first keystroke: the address book read, the school directory
    /// read when it is not in memory yet. Completes when they are, so that what was typed meanwhile can be looked up again.
    /// </summary>
    Task PrepareAsync(CancellationToken cancellationToken = default);
}
