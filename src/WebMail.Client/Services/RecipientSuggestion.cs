namespace WebMail.Client.Services;

/// <summary>Where a suggestion comes from, which the list shows beside it.</summary>
public enum SuggestionSource
{
    /// <summary>A person in the user's address book.</summary>
    Contact,

    /// <summary>A group of the address book: picking it adds every member.</summary>
    Group,

    /// <summary>An address the user wrote to before, collected by itself.</summary>
    Collected,

    /// <summary>Someone whose mail was listed in this session.</summary>
    Recent,

    /// <summary>A person of the school directory (LDAP).</summary>
    Directory,
}

/// <summary>One line of the suggestions under an address field.</summary>
/// <param name="Mailboxes">What picking it adds, as "Name &lt;address&gt;" or bare: the address, or a group's members.</param>
/// <param name="Detail">What tells two people of the same name apart: the address, or a group's size; a department for the directory.</param>
public sealed record RecipientSuggestion(string Name, IReadOnlyList<string> Mailboxes, SuggestionSource Source, string Detail);
