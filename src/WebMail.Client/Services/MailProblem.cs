namespace WebMail.Client.Services;

/// <summary>
/// What went wrong, in terms a user can be told: the one vocabulary of the mail layer, signing in and sending.
/// Each value has a general text (<c>Problem_X</c>); a page may word it for its own place (<c>SignInProblem_X</c>,
/// <c>SendProblem_X</c>), see <c>ProblemText</c>.
/// </summary>
public enum MailProblem
{
    None,
    Unreachable,
    Timeout,
    CertificateNotTrusted,
    AuthenticationFailed,

    /// <summary>The server answered in a way WebMail did not expect (a refusal with no more specific meaning).</summary>
    ProtocolError,
    MessageNotFound,
    SessionEnded,

    /// <summary>The server refused a folder operation (a name taken or not allowed, a special folder).</summary>
    FolderRefused,

    /// <summary>The folder is not (or no longer) on the server.</summary>
    FolderNotFound,

    /// <summary>The webmail's shared session store (Redis, when several instances run) cannot be reached.</summary>
    SessionStoreUnavailable,

    /// <summary>The webmail's settings store (its database) cannot be reached: settings cannot be read or kept now.</summary>
    SettingsUnavailable,

    /// <summary>The mail server refused a connection: the account has too many open (other devices, mail programs).</summary>
    TooManyConnections,

    /// <summary>Reading over POP3, which has one mailbox and no folders or flags: the action does not exist there.</summary>
    NotAvailableOverPop3,

    /// <summary>Signing in: the user name or the password was left empty.</summary>
    MissingCredentials,

    /// <summary>Signing in: the address's domain is not one this webmail serves.</summary>
    UnknownDomain,

    /// <summary>Signing in: the chosen way of reading (IMAP or POP3) is not offered for the domain.</summary>
    ProtocolNotOffered,

    /// <summary>Signing in: too many wrong passwords from this address or for this account; wait and try again.</summary>
    TooManyAttempts,

    /// <summary>Sending: no recipient was given.</summary>
    NoRecipients,

    /// <summary>Sending: some recipient addresses cannot be parsed.</summary>
    InvalidAddresses,

    /// <summary>Sending: the message is larger than the server or the webmail accepts.</summary>
    TooLarge,

    /// <summary>Sending: the server refused a recipient (the detail says which and why).</summary>
    RecipientRefused,

    /// <summary>Sending later: the chosen time is not at least a minute ahead.</summary>
    ScheduledTimeNotAhead,

    /// <summary>Filters and the away message: the school's mail server offers none WebMail can change (no ManageSieve).</summary>
    FiltersNotOffered,

    /// <summary>Filters and the away message: the mail server refused them (its words in <see cref="MailOperationException.Detail"/>).</summary>
    FiltersRefused,

    /// <summary>Sending: the user pressed Undo in time, so nothing was sent (not a failure, but not a send).</summary>
    Undone,

    /// <summary>Importing: the file is not a mail message (.eml).</summary>
    NotAMessage,

    /// <summary>Contacts: the address book holds as many as it may (<see cref="Contact.MaxContacts"/>).</summary>
    TooManyContacts,

    /// <summary>Importing contacts: the file is neither vCard nor CSV with a column of addresses.</summary>
    NotContacts,
}
