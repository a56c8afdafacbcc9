using Microsoft.Extensions.Logging.Abstractions;
using WebMail.Client.Services;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Diagnostics;
using WebMail.Server.Mail.Options;
using WebMail.Testing;

namespace WebMail.IntegrationTests;

public sealed class MailServerStatusServiceTests
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task CheckAll_DemoServer_EveryServerHealthy()
    {
        var results = await StatusServiceFor(DemoMailServer.DomainOptions()).CheckAllAsync(_timeout);

        Assert.Equal(["IMAP", "POP3", "SMTP"], results.Select(r => r.Protocol));
        Assert.All(results, r => Assert.Equal(MailProblem.None, r.Problem));
    }

    [Fact]
    public async Task CheckAll_StartTlsPorts_EveryServerHealthy()
    {
        var results = await StatusServiceFor(DemoMailServer.DomainOptions(implicitTls: false)).CheckAllAsync(_timeout);

        Assert.All(results, r => Assert.Equal(MailProblem.None, r.Problem));
    }

    [Fact]
    public async Task CheckAll_ClosedPort_ReportsUnreachable()
    {
        var domain = DemoMailServer.DomainOptions();
        domain.Imap!.Port = FreePort.Find();

        var results = await StatusServiceFor(domain).CheckAllAsync(_timeout);

        Assert.Equal(MailProblem.Unreachable, results.Single(r => r.Protocol == "IMAP").Problem);
    }

    [Fact]
    public async Task CheckAll_ServerThatNeverAnswers_ReportsTimeoutWithinItsBound()
    {
        using var silent = new SilentServer();
        var domain = DemoMailServer.DomainOptions();
        domain.Pop3!.Port = silent.Port;
        domain.Pop3.TimeoutSeconds = 2;

        var results = await StatusServiceFor(domain).CheckAllAsync(_timeout);

        var pop3 = results.Single(r => r.Protocol == "POP3");
        Assert.Equal(MailProblem.Timeout, pop3.Problem);
        Assert.InRange(pop3.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task CheckAll_UntrustedCertificate_ReportsCertificateNotTrusted()
    {
        var results = await StatusServiceFor(DemoMailServer.DomainOptions(trustDemoCertificate: false)).CheckAllAsync(_timeout);

        Assert.All(results, r => Assert.Equal(MailProblem.CertificateNotTrusted, r.Problem));
    }

    [Fact]
    public async Task CheckAll_CertificateTrustedByFingerprint_Healthy()
    {
        var domain = DemoMailServer.DomainOptions(trustDemoCertificate: false);
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(DemoMailServer.CertificateFile));
        domain.TrustedCertificateFingerprints = [certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256)];

        var results = await StatusServiceFor(domain).CheckAllAsync(_timeout);

        Assert.All(results, r => Assert.Equal(MailProblem.None, r.Problem));
    }

    private static MailServerStatusService StatusServiceFor(MailDomainOptions domain) =>
        new(new MailClientFactory(),
            new MailServerCalls(null, NullLogger<MailServerCalls>.Instance),
            new OptionsMonitorStub<MailOptions>(new MailOptions { Domains = [domain] }));
}
