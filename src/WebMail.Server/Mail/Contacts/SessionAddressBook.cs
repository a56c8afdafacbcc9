namespace WebMail.Server.Mail.Contacts;

/// <summary>People one session read mail from or wrote to, gone at sign-out; bounded, so a huge mailbox cannot grow it.</summary>
public sealed class SessionAddressBook : IAddressBook
{
    private const int MaxAddresses = 5_000;
    private const int MaxSuggestions = 500;
    private readonly HashSet<string> _addresses = new(StringComparer.OrdinalIgnoreCase);

    public void Remember(IEnumerable<string> mailboxes)
    {
        lock (_addresses)
        {
            foreach (var mailbox in mailboxes)
            {
                if (_addresses.Count >= MaxAddresses)
                {
                    return;
                }

                _addresses.Add(mailbox);
            }
        }
    }

    public IReadOnlyList<string> Suggestions()
    {
        lock (_addresses)
        {
            return _addresses.Order(StringComparer.CurrentCulture).Take(MaxSuggestions).ToList();
        }
    }
}
