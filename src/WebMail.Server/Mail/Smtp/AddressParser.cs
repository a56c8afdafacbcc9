using MimeKit;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Smtp;

/// <summary>Address fields as people type them: "张伟 &lt;zhang@school.edu.cn&gt;, bob@例子.中国; carol@x.org".</summary>
public static class AddressParser
{
    public static AddressCheck Check(string field)
    {
        var (valid, invalid) = Parse(field);
        return new AddressCheck(valid.Count, invalid);
    }

    public static (List<MailboxAddress> Valid, List<string> Invalid) Parse(string field)
    {
        var valid = new List<MailboxAddress>();
        var invalid = new List<string>();
        foreach (var entry in RecipientText.Entries(field))
        {
            // A line break can never be part of an address; treating it as an error (not as space) stops injection.
            if (entry.Any(char.IsControl) || !MailboxAddress.TryParse(ParserOptions.Default, entry, out var mailbox)
                || !mailbox.Address.Contains('@') || mailbox.Address.EndsWith('@') || mailbox.Address.StartsWith('@'))
            {
                invalid.Add(entry);
                continue;
            }

            valid.Add(mailbox);
        }

        return (valid, invalid);
    }
}
