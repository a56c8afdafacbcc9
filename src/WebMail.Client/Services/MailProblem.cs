namespace WebMail.Client.Services;

/// <summary>What went wrong talking to a mail server, in terms a user can be told (each has a localized text).</summary>
public enum MailProblem
{
    None,
    Unreachable,
    Timeout,
    CertificateNotTrusted,
    AuthenticationFailed,
    ProtocolError,
    MessageNotFound,
    SessionEnded,

    /// <summary>The server refused a folder operation (a name taken or not allowed, a special folder).</summary>
    FolderRefused,

    /// <summary>The folder is not (or no longer) on the server.</summary>
    FolderNotFound,

    /// <summary>The webmail's shared session store (Redis, when several instances run) cannot be reached.</summary>
    SessionStoreUnavailable,

    /// <summary>The mail server refused a connection: the account has too many open (other devices, mail programs).</summary>
    TooManyConnections,

    /// <summary>Reading over POP3, which has one mailbox and no folders or flags: the action does not exist there.</summary>
    NotAvailableOverPop3,
}
