using WebMail.Client.Services;
namespace WebMail.Server.Mail.Options;

/// <summary>The mail servers of one mail domain (the part after @ in a user's address).</summary>
public sealed class MailDomainOptions
{
    public string Name { get; set; } = "";

    public MailEndpointOptions? Imap { get; set; }

    public MailEndpointOptions? Pop3 { get; set; }

    public MailEndpointOptions? Smtp { get; set; }

    /// <summary>
    /// The domain's ManageSieve server (RFC 5804; Dovecot Pigeonhole, Cyrus timsieved, usually port 4190 with
    /// STARTTLS): where the away message and filters are kept. Not set: WebMail offers neither.
    /// </summary>
    public MailEndpointOptions? ManageSieve { get; set; }

    /// <summary>The school's LDAP directory or Active Directory, for finding people as an address is typed. Not set: none.</summary>
    public DirectoryOptions? Directory { get; set; }

    /// <summary>
    /// The school's own page for the away message and filters, for a server without ManageSieve (Coremail,
    /// Exchange): linked from Settings instead of WebMail's pages. Used only when <see cref="ManageSieve"/> is not set.
    /// </summary>
    public string? FiltersPageUrl { get; set; }

    /// <summary>Which protocol reads mail when the user does not choose; users may choose when both are configured.</summary>
    public ReadingProtocol DefaultReadingProtocol { get; set; } = ReadingProtocol.Imap;

    /// <summary>
    /// A PEM file with a CA (or the server's own certificate) trusted in addition to the system's roots:
    /// how a self-signed or internal-CA server is trusted without turning certificate checks off.
    /// </summary>
    public string? TrustedCertificateFile { get; set; }

    /// <summary>SHA-256 fingerprints (hex) of server certificates trusted in addition to the system's roots.</summary>
    public List<string> TrustedCertificateFingerprints { get; set; } = [];

    /// <summary>
    /// Shown under "wrong user name or password", in the school's words: e.g. where students get the client
    /// authorization code (授权码) a server asks for instead of the password.
    /// </summary>
    public string? SignInHint { get; set; }

    /// <summary>
    /// The SASL mechanisms WebMail may use to sign in to IMAP and POP3 (e.g. ["LOGIN"] for a server whose PLAIN is
    /// broken); empty: whatever the server offers. When none listed is offered, the plain LOGIN or USER/PASS command is used.
    /// </summary>
    public List<string> AuthenticationMechanisms { get; set; } = [];

    /// <summary>
    /// Other addresses a user of this domain may send from, by user (the part before @, as they sign in, e.g. a
    /// student number): {"2023001": ["zhang.wei@school.edu.cn"]}. Only these: From is otherwise always the user's own
    /// address. The submission server must accept them too (Postfix: smtpd_sender_login_maps).
    /// </summary>
    public Dictionary<string, List<string>> Aliases { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The addresses <paramref name="address"/> may send from: their own first, then the aliases listed for them.</summary>
    public IReadOnlyList<string> SenderAddressesOf(string address)
    {
        var user = address[..Math.Max(0, address.IndexOf('@'))];
        var listed = Aliases.FirstOrDefault(a => string.Equals(a.Key, user, StringComparison.OrdinalIgnoreCase)).Value ?? [];
        return [address, .. listed.Where(a => !string.Equals(a, address, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>What WebMail says about itself to the IMAP server after signing in (IMAP ID).</summary>
    public ImapIdOptions ImapId { get; set; } = new();

    public IEnumerable<(string Protocol, MailEndpointOptions Endpoint)> Endpoints()
    {
        if (Imap is not null)
        {
            yield return ("IMAP", Imap);
        }

        if (Pop3 is not null)
        {
            yield return ("POP3", Pop3);
        }

        if (Smtp is not null)
        {
            yield return ("SMTP", Smtp);
        }
    }
}
