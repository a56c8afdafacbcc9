using MimeKit;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Contacts;

/// <summary>
/// What a contact may hold, whatever a page, a hand-made request or an imported file sends: names and phones on one
/// line and bounded, a person's addresses bare and valid, a group's members as mailboxes, no duplicates.
/// </summary>
public static class ContactRules
{
    public static Contact Clean(Contact contact)
    {
        var addresses = contact.Addresses
            .Select(a => contact.IsGroup ? Member(a) : Address(a))
            .OfType<string>()
            .DistinctBy(AddressOf, StringComparer.OrdinalIgnoreCase)
            .Take(Contact.MaxAddresses)
            .ToList();
        return contact with
        {
            Name = OneLine(contact.Name, Contact.MaxNameLength),
            Addresses = addresses,
            Phone = OneLine(contact.Phone, Contact.MaxPhoneLength),
            Notes = Bounded(contact.Notes, Contact.MaxNotesLength),
            TimesWritten = Math.Max(0, contact.TimesWritten),
        };
    }

    /// <summary>Whether the cleaned contact is worth keeping: a person needs an address, a group a name and a member.</summary>
    public static bool IsUsable(Contact cleaned) => cleaned.Addresses.Count > 0 && (!cleaned.IsGroup || cleaned.Name.Length > 0);

    /// <summary>The address in a bare address or a member's "Name &lt;address&gt;", lower case, for comparing.</summary>
    public static string AddressOf(string mailbox) =>
        (MailboxAddress.TryParse(mailbox, out var parsed) ? parsed.Address : mailbox).Trim().ToLowerInvariant();

    private static string? Address(string? text)
    {
        var address = (text ?? "").Trim();
        if (address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            address = address[7..];
        }

        return IsAddress(address) ? address : null;
    }

    private static string? Member(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Any(char.IsControl) || !MailboxAddress.TryParse(trimmed, out var mailbox) || !IsAddress(mailbox.Address))
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(mailbox.Name) ? mailbox.Address : trimmed;
    }

    private static bool IsAddress(string address) =>
        address.Length is > 2 and <= 254 && address.IndexOf('@') is > 0 && !address.EndsWith('@')
        && !address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"');

    private static string OneLine(string? text, int max)
    {
        var line = string.Join(' ', (text ?? "").Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return new string([.. line.Where(c => !char.IsControl(c))]) is var clean && clean.Length > max ? clean[..max] : clean;
    }

    private static string Bounded(string? text, int max)
    {
        var clean = new string([.. (text ?? "").Where(c => c is '\n' || !char.IsControl(c))]).Trim();
        return clean.Length > max ? clean[..max] : clean;
    }
}
