using System.Text;
using MailKit;

namespace WebMail.Server.Mail.Connections;

/// <summary>
/// Reads what a mail server answers where MailKit does not pass it on. Until the client has signed in: the account
/// has too many connections open (Dovecot's <c>mail_max_userip_connections</c>, default 10 per user
/// and address). The server answers IMAP "NO [LIMIT] …" (RFC 5530) or POP3 "-ERR [IN-USE] …" (RFC 2449) and
/// closes the connection; MailKit then tries the next mechanism on the closed connection and reports only that
/// the server disconnected, which would tell the user nothing (or, worse, that their password is wrong).
/// While a search runs (<see cref="WatchSearch"/>): the server cannot search in UTF-8 (Exchange answers
/// "NO [BADCHARSET (US-ASCII)]"); MailKit then silently retries in US-ASCII, which finds nothing for Chinese terms.
/// </summary>
internal sealed class ServerReplyWatcher : IProtocolLogger
{
    private static readonly string[] RefusalCodes = [" NO [LIMIT]", "-ERR [IN-USE]"];
    private volatile bool _signedIn;
    private volatile bool _watchingSearch;

    /// <summary>The server refused this connection because of the account's connection limit.</summary>
    public bool Refused { get; private set; }

    public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

    /// <summary>The server said, during the watched search, that it cannot search in UTF-8.</summary>
    public bool Utf8SearchRefused { get; private set; }

    /// <summary>Signed in: from here on the connection carries mail, which is not looked at.</summary>
    public void SignedIn() => _signedIn = true;

    /// <summary>A search starts: its answers (a list of numbers, or a refusal) are read until <see cref="StopWatchingSearch"/>.</summary>
    public void WatchSearch()
    {
        Utf8SearchRefused = false;
        _watchingSearch = true;
    }

    public void StopWatchingSearch() => _watchingSearch = false;

    public void LogServer(byte[] buffer, int offset, int count)
    {
        if (_watchingSearch && !Utf8SearchRefused)
        {
            Utf8SearchRefused = Encoding.ASCII.GetString(buffer, offset, Math.Min(count, 4096)).Contains("[BADCHARSET", StringComparison.OrdinalIgnoreCase);
        }

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
