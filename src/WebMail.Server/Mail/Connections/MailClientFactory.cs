using System.Collections.Concurrent;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Net.Smtp;
using MailKit.Security;
using WebMail.Server.Mail.Options;

namespace WebMail.Server.Mail.Connections;

/// <summary>
/// Makes MailKit clients for a domain's servers and connects them with the domain's TLS mode, certificate
/// trust and read timeout. It never authenticates: that is the caller's business, through <see cref="MailSignIn"/>
/// (which reads the <see cref="ServerReplyWatcher"/> given to IMAP and POP3 clients here). The bound on the whole
/// call is not set here but by the one path, <see cref="MailServerCalls"/>, which connects through this.
/// </summary>
public sealed class MailClientFactory
{
    private readonly ConcurrentDictionary<string, MailCertificateValidator> _validators = new(StringComparer.OrdinalIgnoreCase);

    public Task<ImapClient> ConnectImapAsync(MailDomainOptions domain, CancellationToken cancellationToken) =>
        ConnectAsync(new ImapClient(new ServerReplyWatcher()), domain, Require(domain.Imap, domain, "IMAP"), cancellationToken);

    public Task<Pop3Client> ConnectPop3Async(MailDomainOptions domain, CancellationToken cancellationToken) =>
        ConnectAsync(new Pop3Client(new ServerReplyWatcher()), domain, Require(domain.Pop3, domain, "POP3"), cancellationToken);

    public Task<SmtpClient> ConnectSmtpAsync(MailDomainOptions domain, CancellationToken cancellationToken) =>
        ConnectAsync(new SmtpClient(), domain, Require(domain.Smtp, domain, "SMTP"), cancellationToken);

    /// <summary>Connects <paramref name="client"/>, disposing it when connecting fails.</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled (or its bound fired).</exception>
    /// <exception cref="System.Net.Sockets.SocketException">Nothing listens there.</exception>
    /// <exception cref="SslHandshakeException">TLS failed, typically an untrusted certificate.</exception>
    public async Task<TClient> ConnectAsync<TClient>(
        TClient client, MailDomainOptions domain, MailEndpointOptions endpoint, CancellationToken cancellationToken)
        where TClient : IMailService
    {
        client.Timeout = (int)endpoint.Timeout.TotalMilliseconds;
        client.ServerCertificateValidationCallback = CertificatesFor(domain).Validate;
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, ToSocketOptions(endpoint.Security), cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The domain's certificate trust, for the protocols MailKit has no client for (ManageSieve).</summary>
    public MailCertificateValidator CertificatesFor(MailDomainOptions domain) =>
        _validators.GetOrAdd(domain.Name, _ => new MailCertificateValidator(domain));

    private static MailEndpointOptions Require(MailEndpointOptions? endpoint, MailDomainOptions domain, string protocol) =>
        endpoint ?? throw new InvalidOperationException($"Mail domain '{domain.Name}' has no {protocol} server configured.");

    private static SecureSocketOptions ToSocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };
}
