using System.Reflection;
using MailKit;
using MailKit.Net.Imap;
using WebMail.Server.Mail.Options;

namespace WebMail.Server.Mail.Connections;

/// <summary>The server refused the connection because the account has too many open (see <see cref="ServerReplyWatcher"/>).</summary>
public sealed class TooManyConnectionsException(Exception inner)
    : Exception("The mail server refused the connection: the account has too many connections open.", inner);

/// <summary>Signing a connected IMAP or POP3 client in, the one way every caller does it.</summary>
public static class MailSignIn
{
    private static readonly string Version =
        typeof(MailSignIn).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0";

    /// <summary>
    /// A new IMAP connection to the domain's server, signed in as <paramref name="address"/>: how sign-in proves the
    /// password and how a session's store (re)connects. Closed again if connecting or signing in fails.
    /// </summary>
    /// <exception cref="TooManyConnectionsException">The server refused: the account has too many connections open.</exception>
    public static async Task<ImapClient> ConnectImapAsync(
        MailClientFactory clients, MailDomainOptions domain, string address, string password, string clientAddress, CancellationToken cancellationToken)
    {
        var client = await clients.ConnectImapAsync(domain, cancellationToken);
        try
        {
            await AuthenticateAsync(client, domain, address, password, clientAddress, cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <param name="domain">Its settings for signing in: the SASL mechanisms allowed, and what IMAP ID says after.</param>
    /// <param name="clientAddress">Where the user came from, for IMAP ID when the domain forwards it.</param>
    /// <exception cref="TooManyConnectionsException">The server refused: the account has too many connections open.</exception>
    public static async Task AuthenticateAsync(
        IMailService client, MailDomainOptions domain, string address, string password, string clientAddress, CancellationToken cancellationToken)
    {
        var mechanisms = domain.AuthenticationMechanisms;
        if (mechanisms.Count > 0)
        {
            client.AuthenticationMechanisms.RemoveWhere(offered => !mechanisms.Contains(offered, StringComparer.OrdinalIgnoreCase));
        }

        var watcher = (client as MailService)?.ProtocolLogger as ServerReplyWatcher;
        try
        {
            await client.AuthenticateAsync(address, password, cancellationToken);
        }
        catch (Exception exception) when (watcher is { Refused: true })
        {
            throw new TooManyConnectionsException(exception);
        }

        watcher?.SignedIn();
        if (client is ImapClient imap && domain.ImapId.Send && imap.Capabilities.HasFlag(ImapCapabilities.Id))
        {
            await IdentifyAsync(imap, domain.ImapId, clientAddress, cancellationToken);
        }
    }

    /// <summary>IMAP ID (RFC 2971), on every connection: Coremail answers "Unsafe Login" to SELECT without it.</summary>
    private static async Task IdentifyAsync(ImapClient client, ImapIdOptions options, string clientAddress, CancellationToken cancellationToken)
    {
        var implementation = new ImapImplementation { Name = options.Name, Version = Version, Vendor = options.Vendor, SupportUrl = options.SupportUrl };
        if (options.ForwardClientAddress && !string.IsNullOrEmpty(clientAddress))
        {
            implementation.Properties["x-originating-ip"] = clientAddress;
        }

        try
        {
            await client.IdentifyAsync(implementation, cancellationToken);
        }
        catch (ImapCommandException)
        {
            // A server that offers ID but refuses ours still serves mail; one that needs it says so when a folder opens.
        }
    }
}
