namespace WebMail.Server.Mail.Options;

/// <summary>The "Mail" configuration section: which mail servers serve which domains.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    public List<MailDomainOptions> Domains { get; set; } = [];

    /// <summary>The domain added to a bare user name (such as a student number). Defaults to the first domain.</summary>
    public string? DefaultDomain { get; set; }

    /// <summary>Allows <see cref="MailSecurity.None"/> for loopback hosts; for development only.</summary>
    public bool AllowUnencryptedLoopback { get; set; }

    public MailDomainOptions? FindDomain(string name) =>
        Domains.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    public string DefaultDomainName => DefaultDomain ?? Domains.FirstOrDefault()?.Name ?? "";
}
