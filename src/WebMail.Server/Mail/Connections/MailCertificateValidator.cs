using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using WebMail.Server.Mail.Options;

namespace WebMail.Server.Mail.Connections;

/// <summary>
/// Accepts a server certificate that the system trusts, or one that chains to the domain's configured extra
/// trust anchor (CA file or SHA-256 fingerprint). A wrong host name is never accepted, and there is no
/// "accept anything" mode: a self-signed school server is trusted by naming its certificate.
/// </summary>
public sealed class MailCertificateValidator
{
    private readonly X509Certificate2Collection _trustedRoots = [];
    private readonly HashSet<string> _trustedFingerprints;

    public MailCertificateValidator(MailDomainOptions domain)
    {
        if (domain.TrustedCertificateFile is { Length: > 0 } file)
        {
            _trustedRoots.ImportFromPemFile(file);
        }

        _trustedFingerprints = domain.TrustedCertificateFingerprints
            .Select(f => f.Replace(":", "", StringComparison.Ordinal).Trim().ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (_trustedFingerprints.Contains(leaf.GetCertHashString(HashAlgorithmName.SHA256)))
        {
            return true;
        }

        return _trustedRoots.Count > 0 && ChainsToTrustedRoot(leaf, chain);
    }

    private bool ChainsToTrustedRoot(X509Certificate2 leaf, X509Chain? presented)
    {
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_trustedRoots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(leaf);
    }
}
