using System.Net;
using Microsoft.Extensions.Options;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Options;

/// <summary>Refuses to start with a mail configuration that cannot work or would be unsafe, saying what to fix.</summary>
public sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        if (options.Domains.Count == 0)
        {
            failures.Add("Mail:Domains is empty: configure at least one mail domain (see README, 'Pointing WebMail at your school's mail server').");
        }

        if (options.DefaultDomain is not null && options.FindDomain(options.DefaultDomain) is null)
        {
            failures.Add($"Mail:DefaultDomain '{options.DefaultDomain}' is not one of Mail:Domains.");
        }

        foreach (var domain in options.Domains)
        {
            ValidateDomain(domain, options, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateDomain(MailDomainOptions domain, MailOptions options, List<string> failures)
    {
        var label = $"Mail domain '{domain.Name}'";
        if (string.IsNullOrWhiteSpace(domain.Name))
        {
            failures.Add("A mail domain has no Name.");
        }

        if (domain.Imap is null && domain.Pop3 is null)
        {
            failures.Add($"{label} needs Imap or Pop3 to read mail.");
        }

        if (domain.Smtp is null)
        {
            failures.Add($"{label} needs Smtp to send mail.");
        }

        var defaultReader = domain.DefaultReadingProtocol == ReadingProtocol.Imap ? domain.Imap : domain.Pop3;
        if (defaultReader is null && (domain.Imap is not null || domain.Pop3 is not null))
        {
            failures.Add($"{label}: DefaultReadingProtocol is {domain.DefaultReadingProtocol}, which is not configured.");
        }

        foreach (var (user, aliases) in domain.Aliases)
        {
            foreach (var alias in aliases.Where(a => !MimeKit.MailboxAddress.TryParse(a, out var parsed) || parsed.Address != a.Trim() || !a.Contains('@')))
            {
                failures.Add($"{label}: Aliases of '{user}': '{alias}' is not an address.");
            }
        }

        if (domain.TrustedCertificateFile is { Length: > 0 } file && !File.Exists(file))
        {
            failures.Add($"{label}: TrustedCertificateFile '{file}' does not exist.");
        }

        foreach (var (protocol, endpoint) in domain.Endpoints())
        {
            ValidateEndpoint($"{label} {protocol}", endpoint, options, failures);
        }

        if (domain.ManageSieve is { } sieve)
        {
            ValidateEndpoint($"{label} ManageSieve", sieve, options, failures);
        }

        if (domain.Directory is { } directory)
        {
            ValidateEndpoint($"{label} Directory", directory.Server, options, failures);
            if (directory.ReadTimeoutSeconds is < 1 or > 3600 || directory.CacheMinutes < 1 || directory.MaxEntries < 1)
            {
                failures.Add($"{label} Directory: ReadTimeoutSeconds (1–3600), CacheMinutes and MaxEntries must be positive.");
            }

            if (string.IsNullOrWhiteSpace(directory.BaseDn))
            {
                failures.Add($"{label} Directory: BaseDn is empty.");
            }

            if (directory.Bind == DirectoryBind.Service && (string.IsNullOrWhiteSpace(directory.BindDn) || string.IsNullOrEmpty(directory.BindPassword)))
            {
                failures.Add($"{label} Directory: Bind Service needs BindDn and BindPassword (the password from the environment).");
            }

            if (directory.Bind == DirectoryBind.User && !directory.UserBindDn.Contains("{0}") && !directory.UserBindDn.Contains("{1}"))
            {
                failures.Add($"{label} Directory: Bind User needs UserBindDn with {{0}} (the name before @) or {{1}} (the address).");
            }
        }

        if (domain.FiltersPageUrl is { Length: > 0 } page
            && !(Uri.TryCreate(page, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            failures.Add($"{label}: FiltersPageUrl '{page}' is not an http(s) address.");
        }
    }

    private static void ValidateEndpoint(string label, MailEndpointOptions endpoint, MailOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(endpoint.Host))
        {
            failures.Add($"{label}: Host is empty.");
        }

        if (endpoint.Port is < 1 or > 65535)
        {
            failures.Add($"{label}: Port {endpoint.Port} is not a TCP port.");
        }

        if (endpoint.TimeoutSeconds is < 1 or > 600)
        {
            failures.Add($"{label}: TimeoutSeconds must be between 1 and 600.");
        }

        if (endpoint.Security == MailSecurity.None && !(options.AllowUnencryptedLoopback && IsLoopback(endpoint.Host)))
        {
            failures.Add($"{label}: Security None sends passwords in clear text; it is only allowed for a loopback host with Mail:AllowUnencryptedLoopback=true.");
        }
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
