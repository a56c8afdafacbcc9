namespace WebMail.Server.Mail.Options;

/// <summary>Where one mail protocol of a domain is served, and how to reach it.</summary>
public sealed class MailEndpointOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; }

    public MailSecurity Security { get; set; } = MailSecurity.Tls;

    /// <summary>Bound on connecting and on every single command; a silent server fails after this.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public override string ToString() => $"{Host}:{Port} ({Security})";
}
