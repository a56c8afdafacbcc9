using System.Text;
using MailKit;

namespace WebMail.Server.Mail.Connections;

/// <summary>
/// Reads what a mail server answers until the client has signed in, for the one refusal MailKit does not pass on:
/// the account has too many connections open (Dovecot's <c>mail_max_userip_connections</c>, default 10 per user
/// and address). The server answers IMAP "NO [LIMIT] …" (RFC 5530) or POP3 "-ERR [IN-USE] …" (RFC 2449) and
/// closes the connection; MailKit then tries the next mechanism on the closed connection and reports only that
/// the server disconnected, which would tell the user nothing (or, worse, that their password is wrong).
/// </summary>
internal sealed class ConnectionLimitWatcher : IProtocolLogger
{
    private static readonly string[] RefusalCodes = [" NO [LIMIT]", "-ERR [IN-USE]"];
    private volatile bool _signedIn;

    /// <summary>The server refused this connection because of the account's connection limit.</summary>
    public bool Refused { get; private set; }

    public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

    /// <summary>Signed in: from here on the connection carries mail, which is not looked at.</summary>
    public void SignedIn() => _signedIn = true;

    public void LogServer(byte[] buffer, int offset, int count)
    {
        if (_signedIn || Refused)
        {
            return;
        }

        // Before sign-in the server sends a greeting, capabilities and one answer: a few hundred ASCII bytes.
        var text = Encoding.ASCII.GetString(buffer, offset, Math.Min(count, 4096));
        Refused = RefusalCodes.Any(code => text.Contains(code, StringComparison.OrdinalIgnoreCase));
    }

    public void LogClient(byte[] buffer, int offset, int count)
    {
        // What the client sends holds the password: never looked at.
    }

    public void LogConnect(Uri uri)
    {
    }

    public void Dispose()
    {
    }
}
