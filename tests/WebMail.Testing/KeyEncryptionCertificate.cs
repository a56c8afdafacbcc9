using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WebMail.Testing;

/// <summary>
/// A self-signed certificate in a PKCS#12 file, made once per test run, that encrypts the Data Protection key ring of
/// every instance a test starts with Redis (they must share it, as a school's instances share theirs).
/// </summary>
public static class KeyEncryptionCertificate
{
    public const string Password = "key-ring-test";

    private static readonly Lazy<string> File = new(Create);

    public static string Path => File.Value;

    /// <summary>App settings for Redis at <paramref name="connectionString"/> with the key ring encrypted by this certificate.</summary>
    public static Dictionary<string, string?> RedisSettings(string connectionString) => new()
    {
        ["ConnectionStrings:Redis"] = connectionString,
        ["DataProtection:KeyEncryptionCertificate"] = Path,
        ["DataProtection:KeyEncryptionCertificatePassword"] = Password,
    };

    private static string Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=WebMail key ring (tests)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"webmail-key-ring-{Environment.ProcessId}.pfx");
        System.IO.File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}
