namespace WebMail.Server.Mail.Options;

/// <summary>
/// What WebMail tells an IMAP server about itself with ID (RFC 2971) right after signing in, where the server offers
/// ID. Coremail (NetEase and the schools it hosts) refuses to open a folder for a client that has not said who it is.
/// </summary>
public sealed class ImapIdOptions
{
    /// <summary>False: never send ID (a server that misbehaves on it).</summary>
    public bool Send { get; set; } = true;

    public string Name { get; set; } = "WebMail";

    public string? Vendor { get; set; }

    public string? SupportUrl { get; set; }

    /// <summary>
    /// Pass the student's own address as <c>x-originating-ip</c>, so the server's unusual-login alerts and guessing
    /// limits see the student rather than the webmail host. Only for a server that trusts the webmail to say so
    /// (Dovecot's <c>login_trusted_networks</c>, or the vendor's equivalent); off by default.
    /// </summary>
    public bool ForwardClientAddress { get; set; }
}
