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
}
