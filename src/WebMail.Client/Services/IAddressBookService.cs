namespace WebMail.Client.Services;

/// <summary>The people the user writes to, for suggestions while typing an address.</summary>
public interface IAddressBookService
{
    /// <summary>Addresses the user has read mail from or written to in this session, as "Name &lt;address&gt;" or bare.</summary>
    Task<IReadOnlyList<string>> SuggestAsync(CancellationToken cancellationToken = default);
}
