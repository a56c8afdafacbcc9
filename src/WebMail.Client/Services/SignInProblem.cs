namespace WebMail.Client.Services;

/// <summary>Why a sign-in did not succeed, each with its own plain-language text on the sign-in page.</summary>
public enum SignInProblem
{
    None,
    MissingCredentials,
    UnknownDomain,
    ProtocolNotOffered,
    AuthenticationFailed,
    Unreachable,
    Timeout,
    CertificateNotTrusted,
    TooManyAttempts,
    ServerError,
    SessionEnded,
}
