using System.Diagnostics.CodeAnalysis;
using System.Text;
using MailKit;
using Xunit.Abstractions;

namespace WebMail.Testing;

/// <summary>
/// Writes a mail conversation into the test's output, so a failing test explains itself.
/// Authentication secrets are replaced by ******** as MailKit's own logger does.
/// </summary>
public sealed class TestProtocolLogger(ITestOutputHelper output, string name) : IProtocolLogger
{
    private IAuthenticationSecretDetector _secretDetector = NoSecrets.Instance;

    [AllowNull]
    public IAuthenticationSecretDetector AuthenticationSecretDetector
    {
        get => _secretDetector;
        set => _secretDetector = value ?? NoSecrets.Instance;
    }

    public void LogConnect(Uri uri) => WriteLines("**", $"connect {uri}");

    public void LogClient(byte[] buffer, int offset, int count)
    {
        var text = new StringBuilder();
        var position = offset;
        foreach (var secret in AuthenticationSecretDetector.DetectSecrets(buffer, offset, count))
        {
            text.Append(Encoding.UTF8.GetString(buffer, position, secret.StartIndex - position)).Append("********");
            position = secret.StartIndex + secret.Length;
        }

        text.Append(Encoding.UTF8.GetString(buffer, position, offset + count - position));
        WriteLines("C:", text.ToString());
    }

    public void LogServer(byte[] buffer, int offset, int count) =>
        WriteLines("S:", Encoding.UTF8.GetString(buffer, offset, count));

    public void Dispose()
    {
    }

    private void WriteLines(string prefix, string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                output.WriteLine($"[{name}] {prefix} {line.TrimEnd('\r')}");
            }
            catch (InvalidOperationException)
            {
                // The test has already finished and its output is closed.
            }
        }
    }

    private sealed class NoSecrets : IAuthenticationSecretDetector
    {
        public static readonly NoSecrets Instance = new();

        public IList<AuthenticationSecret> DetectSecrets(byte[] buffer, int offset, int count) => [];
    }
}
