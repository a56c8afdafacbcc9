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

    /// <summary>The webmail's shared session store (Redis) cannot be reached, so no session can be started or found.</summary>
    SessionStoreUnavailable,

    /// <summary>The mail server refused another connection: the account has too many open.</summary>
    TooManyConnections,
}
