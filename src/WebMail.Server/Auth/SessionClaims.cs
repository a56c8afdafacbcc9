namespace WebMail.Server.Auth;

/// <summary>Claim types of the signed-in principal.</summary>
public static class SessionClaims
{
    /// <summary>The session id: the only claim stored in the cookie.</summary>
    public const string SessionId = "sid";

    /// <summary>Added per request from the server-side session, never written to the cookie.</summary>
    public const string ReadingProtocol = "webmail:reading";
}
