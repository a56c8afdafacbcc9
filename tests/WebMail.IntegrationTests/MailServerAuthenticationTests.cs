using MailKit.Security;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>The demo server is real: each protocol, each TLS mode, real passwords, real certificate checks.</summary>
public sealed class MailServerAuthenticationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);
    private readonly CancellationToken Timeout = new CancellationTokenSource(TestTimeout).Token;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Authenticate_EachProtocolAndTlsMode_Succeeds(bool implicitTls)
    {
        var user = DemoMailServer.NewTestAccount("auth");
        var clients = new MailTestClients(output, DemoMailServer.DomainOptions(implicitTls));

        using var imap = await clients.ImapAsync(user, DemoMailServer.TestPassword, Timeout);
        using var pop3 = await clients.Pop3Async(user, DemoMailServer.TestPassword, Timeout);
        using var smtp = await clients.SmtpAsync(user, DemoMailServer.TestPassword, Timeout);

        Assert.True(imap.IsAuthenticated && imap.IsSecure);
        Assert.True(pop3.IsAuthenticated && pop3.IsSecure);
        Assert.True(smtp.IsAuthenticated && smtp.IsSecure);
    }

    [Fact]
    public async Task Authenticate_DemoAccount_Succeeds()
    {
        var clients = new MailTestClients(output);

        using var imap = await clients.ImapAsync("alice@" + DemoMailServer.Domain, "alice-demo", Timeout);

        Assert.True(imap.IsAuthenticated);
    }

    [Fact]
    public async Task Authenticate_WrongPassword_IsRefusedByEveryProtocol()
    {
        var user = DemoMailServer.NewTestAccount("wrongpw");
        var clients = new MailTestClients(output);

        await Assert.ThrowsAsync<AuthenticationException>(() => clients.ImapAsync(user, "not-the-password", Timeout));
        await Assert.ThrowsAsync<AuthenticationException>(() => clients.Pop3Async(user, "not-the-password", Timeout));
        await Assert.ThrowsAsync<AuthenticationException>(() => clients.SmtpAsync(user, "not-the-password", Timeout));
    }

    [Fact]
    public async Task Connect_WithoutTrustingTheSelfSignedCertificate_IsRefused()
    {
        var clients = new MailTestClients(output, DemoMailServer.DomainOptions(trustDemoCertificate: false));

        await Assert.ThrowsAsync<SslHandshakeException>(() =>
            clients.ImapAsync(DemoMailServer.NewTestAccount("untrusted"), DemoMailServer.TestPassword, Timeout));
    }
}
