namespace WebMail.Client.Services;

/// <summary>
/// A person or a group in the user's own address book. A person has one or more addresses; a group (a class, a lab)
/// has its members' mailboxes ("Name &lt;address&gt;" or bare) and is written to as one recipient.
/// </summary>
/// <param name="Id">Empty for one not saved yet.</param>
/// <param name="Collected">Added by itself when the user wrote to the address; becomes an ordinary contact once edited.</param>
/// <param name="TimesWritten">How often the user wrote to it, which ranks the suggestions.</param>
public sealed record Contact(
    string Id,
    string Name,
    IReadOnlyList<string> Addresses,
    string Phone = "",
    string Notes = "",
    bool IsGroup = false,
    bool Collected = false,
    int TimesWritten = 0)
{
    /// <summary>At most this many contacts (groups and collected addresses included) per user.</summary>
    public const int MaxContacts = 10_000;

    /// <summary>At most this many addresses per person, or members per group.</summary>
    public const int MaxAddresses = 500;

    public const int MaxNameLength = 200;

    public const int MaxPhoneLength = 100;

    public const int MaxNotesLength = 2000;
}
