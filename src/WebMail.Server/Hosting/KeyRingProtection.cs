using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace WebMail.Server.Hosting;

/// <summary>
/// Encrypts the Data Protection key ring at rest with a certificate kept outside the key store
/// (<c>DataProtection:KeyEncryptionCertificate</c>, a PKCS#12 file with its private key, and
/// <c>DataProtection:KeyEncryptionCertificatePassword</c>). Without it a copy of Redis (a dump, a backup, a replica)
/// held the keys beside the ciphertext they open: every live session's password and draft. With Redis the
/// certificate is required, unless <c>DataProtection:AllowUnencryptedKeys</c> says otherwise on purpose.
/// </summary>
public static class KeyRingProtection
{
    public const string CertificateKey = "DataProtection:KeyEncryptionCertificate";
    public const string CertificatePasswordKey = "DataProtection:KeyEncryptionCertificatePassword";
    public const string AllowUnencryptedKey = "DataProtection:AllowUnencryptedKeys";

    /// <param name="keysLeaveTheProcess">Whether the keys are kept where others can read them (Redis).</param>
    public static IDataProtectionBuilder ProtectKeysAsConfigured(
        this IDataProtectionBuilder dataProtection, IConfiguration configuration, bool keysLeaveTheProcess)
    {
        var file = configuration[CertificateKey];
        if (string.IsNullOrWhiteSpace(file))
        {
            if (keysLeaveTheProcess && !configuration.GetValue<bool>(AllowUnencryptedKey))
            {
                throw new InvalidOperationException(
                    $"With Redis, set {CertificateKey} to a PKCS#12 (.pfx) file with a private key, kept outside Redis, " +
                    $"so a copy of Redis cannot decrypt sessions (see docs/scaling.md). To store the keys unencrypted " +
                    $"anyway, set {AllowUnencryptedKey}=true.");
            }

            return dataProtection;
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(file, configuration[CertificatePasswordKey],
            X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{CertificateKey} ({file}) has no private key: the key ring could not be read back.");
        }

        // Unprotect names the certificate itself: on Linux there is no machine store for the decryptor to search.
        return dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}
