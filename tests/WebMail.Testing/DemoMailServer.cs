using System.Text.RegularExpressions;
using WebMail.Server.Mail.Options;

namespace WebMail.Testing;

/// <summary>
/// The local Dovecot + Postfix that scripts/mailserver.sh runs. Ports and paths come from scripts/mailserver.env
/// (the one place they are written), overridden by the same environment variables the script honours.
/// Nothing here skips a test when the server is missing: connecting then fails, and so does the test.
/// </summary>
public static partial class DemoMailServer
{
    /// <summary>The password of every test-*@domain account of the demo server (demo only).</summary>
    public const string TestPassword = "test-demo";

    internal static readonly Dictionary<string, string> Settings = ReadSettings();

    public static string Domain => Settings["WEBMAIL_MAIL_DOMAIN"];

    /// <summary>
    /// Connections from this loopback address may hold only two connections per user (the <c>remote</c> block in
    /// scripts/mailserver/dovecot.conf.in): where tests meet the server's per-user connection limit.
    /// </summary>
    public static System.Net.IPAddress ConnectionLimitedAddress { get; } = System.Net.IPAddress.Parse("127.0.0.77");

    /// <summary>
    /// How many IMAP connections of <paramref name="user"/> Dovecot has open now (<c>doveadm who</c>; needs root,
    /// as the test command runs).
    /// </summary>
    public static async Task<int> ImapConnectionsAsync(string user, CancellationToken cancellationToken)
    {
        var conf = Path.Combine(Settings["WEBMAIL_MAIL_DIR"], "dovecot", "dovecot.conf");
        using var doveadm = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("doveadm", ["-c", conf, "who", "-1", user])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("doveadm did not start");
        var output = await doveadm.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = await doveadm.StandardError.ReadToEndAsync(cancellationToken);
        await doveadm.WaitForExitAsync(cancellationToken);
        if (doveadm.ExitCode != 0)
        {
            throw new InvalidOperationException($"doveadm who failed ({doveadm.ExitCode}): {errors}");
        }

        // One line per connection: "user imap (pid) (ip)"; the first line is the header.
        return output.Split('\n').Count(line => line.StartsWith(user + " ", StringComparison.Ordinal) && line.Contains(" imap ", StringComparison.Ordinal));
    }

    public static string CertificateFile => Path.Combine(Settings["WEBMAIL_MAIL_DIR"], "tls", "cert.pem");
    public static int SmtpPort => Port("WEBMAIL_SMTP_PORT");

    /// <summary>ManageSieve (Dovecot Pigeonhole), STARTTLS.</summary>
    public static int SievePort => Port("WEBMAIL_SIEVE_PORT");
    public static int SubmissionPort => Port("WEBMAIL_SUBMISSION_PORT");
    public static int SubmissionsPort => Port("WEBMAIL_SUBMISSIONS_PORT");
    public static int ImapPort => Port("WEBMAIL_IMAP_PORT");
    public static int ImapsPort => Port("WEBMAIL_IMAPS_PORT");
    public static int Pop3Port => Port("WEBMAIL_POP3_PORT");
    public static int Pop3sPort => Port("WEBMAIL_POP3S_PORT");

    /// <summary>A fresh account with a 100 KB quota (test-quota-*, scripts/mailserver/dovecot.conf.in): a few messages fill it.</summary>
    public static string NewSmallQuotaAccount(string purpose) => NewTestAccount("quota-" + purpose);

    /// <summary>A fresh, empty account of its own for one test (1 GB of quota, unless its purpose starts with "quota").</summary>
    public static string NewTestAccount(string purpose) =>
        $"test-{purpose.ToLowerInvariant()}-{Guid.NewGuid():N}@{Domain}";

    /// <summary>The demo domain as the webmail would be configured for it, with the given TLS modes.</summary>
    public static MailDomainOptions DomainOptions(bool implicitTls = true, bool trustDemoCertificate = true) => new()
    {
        Name = Domain,
        Imap = Endpoint(implicitTls ? ImapsPort : ImapPort, implicitTls),
        Pop3 = Endpoint(implicitTls ? Pop3sPort : Pop3Port, implicitTls),
        Smtp = Endpoint(implicitTls ? SubmissionsPort : SubmissionPort, implicitTls),
        ManageSieve = Endpoint(SievePort, implicitTls: false),
        TrustedCertificateFile = trustDemoCertificate ? CertificateFile : null,
    };

    /// <summary>Cyrus IMAP over TLS (scripts/cyrus.sh), beside Dovecot: the same accounts, mailboxes of its own.</summary>
    public static int CyrusImapsPort => Port("WEBMAIL_CYRUS_IMAPS_PORT");

    /// <summary>The demo domain with IMAP served by Cyrus (POP3 and SMTP stay Dovecot's and Postfix's).</summary>
    public static MailDomainOptions CyrusDomainOptions()
    {
        var domain = DomainOptions();
        domain.Imap = Endpoint(CyrusImapsPort, implicitTls: true);
        return domain;
    }

    /// <summary>Configuration that points the webmail's IMAP at Cyrus.</summary>
    public static Dictionary<string, string?> CyrusAppConfiguration()
    {
        var settings = AppConfiguration();
        settings["Mail:Domains:0:Imap:Port"] = CyrusImapsPort.ToString();
        return settings;
    }

    /// <summary>Configuration keys that point the webmail at the demo server.</summary>
    public static Dictionary<string, string?> AppConfiguration() => new()
    {
        ["Mail:DefaultDomain"] = Domain,
        ["Mail:Domains:0:Name"] = Domain,
        ["Mail:Domains:0:Imap:Host"] = "127.0.0.1",
        ["Mail:Domains:0:Imap:Port"] = ImapsPort.ToString(),
        ["Mail:Domains:0:Imap:Security"] = "Tls",
        ["Mail:Domains:0:Pop3:Host"] = "127.0.0.1",
        ["Mail:Domains:0:Pop3:Port"] = Pop3sPort.ToString(),
        ["Mail:Domains:0:Pop3:Security"] = "Tls",
        ["Mail:Domains:0:Smtp:Host"] = "127.0.0.1",
        ["Mail:Domains:0:Smtp:Port"] = SubmissionPort.ToString(),
        ["Mail:Domains:0:Smtp:Security"] = "StartTls",
        ["Mail:Domains:0:ManageSieve:Host"] = "127.0.0.1",
        ["Mail:Domains:0:ManageSieve:Port"] = SievePort.ToString(),
        ["Mail:Domains:0:ManageSieve:Security"] = "StartTls",
        ["Mail:Domains:0:TrustedCertificateFile"] = CertificateFile,
        // Short, so tests go through the undo-send queue without waiting the default five seconds.
        ["Compose:UndoSendDelay"] = "00:00:00.200",
    };

    private static MailEndpointOptions Endpoint(int port, bool implicitTls) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Security = implicitTls ? MailSecurity.Tls : MailSecurity.StartTls,
        TimeoutSeconds = 10,
    };

    private static int Port(string name) => int.Parse(Settings[name]);

    /// <summary>A value of scripts/mailserver.env (or the same variable exported), for the other servers' helpers.</summary>
    public static string Setting(string name) => Settings[name];

    private static Dictionary<string, string> ReadSettings()
    {
        var settings = new Dictionary<string, string>();
        var file = Path.Combine(RepositoryPaths.Root, "scripts", "mailserver.env");
        foreach (var line in File.ReadLines(file))
        {
            var match = DefaultAssignment().Match(line);
            if (match.Success)
            {
                var name = match.Groups["name"].Value;
                settings[name] = Environment.GetEnvironmentVariable(name) is { Length: > 0 } fromEnvironment
                    ? fromEnvironment
                    : match.Groups["default"].Value;
            }
        }

        return settings;
    }

    // Matches lines such as WEBMAIL_IMAP_PORT=${WEBMAIL_IMAP_PORT:-10143}
    [GeneratedRegex(@"^(?<name>[A-Z_0-9]+)=\$\{\k<name>:-(?<default>[^}]*)\}\s*$")]
    private static partial Regex DefaultAssignment();
}
