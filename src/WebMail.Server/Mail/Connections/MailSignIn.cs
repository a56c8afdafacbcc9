using MailKit;

namespace WebMail.Server.Mail.Connections;

/// <summary>The server refused the connection because the account has too many open (see <see cref="ConnectionLimitWatcher"/>).</summary>
public sealed class TooManyConnectionsException(Exception inner)
    : Exception("The mail server refused the connection: the account has too many connections open.", inner);

/// <summary>Signing a connected IMAP or POP3 client in, the one way every caller does it.</summary>
public static class MailSignIn
{
    /// <exception cref="TooManyConnectionsException">The server refused: the account has too many connections open.</exception>
    public static async Task AuthenticateAsync(IMailService client, string address, string password, CancellationToken cancellationToken)
    {
        var watcher = (client as MailService)?.ProtocolLogger as ConnectionLimitWatcher;
        try
        {
            await client.AuthenticateAsync(address, password, cancellationToken);
        }
        catch (Exception exception) when (watcher is { Refused: true })
        {
            throw new TooManyConnectionsException(exception);
        }

        watcher?.SignedIn();
    }
}
