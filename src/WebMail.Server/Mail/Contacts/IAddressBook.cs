namespace WebMail.Server.Mail.Contacts;

/// <summary>
/// The people a user writes to, for the compose form's suggestions. Today one per session
/// (<see cref="SessionAddressBook"/>); persistent contacts and the school directory will implement this.
/// </summary>
public interface IAddressBook
{
    /// <summary>Remembers mailboxes ("Name &lt;address&gt;" or a bare address) the user read mail from or wrote to.</summary>
    void Remember(IEnumerable<string> mailboxes);

    /// <summary>The remembered mailboxes, in the order the suggestions show them.</summary>
    IReadOnlyList<string> Suggestions();
}
