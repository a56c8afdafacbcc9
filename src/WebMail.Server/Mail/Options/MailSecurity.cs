namespace WebMail.Server.Mail.Options;

/// <summary>How a connection to a mail server is protected.</summary>
public enum MailSecurity
{
    /// <summary>TLS from the first byte (IMAPS 993, POP3S 995, SMTPS 465).</summary>
    Tls,

    /// <summary>Plain connection upgraded with STARTTLS before anything secret is sent (143, 110, 587).</summary>
    StartTls,

    /// <summary>No encryption. Only accepted for loopback hosts when <see cref="MailOptions.AllowUnencryptedLoopback"/> is set.</summary>
    None,
}
