using System.Net.Sockets;
using MailKit.Security;
using WebMail.Client.Services;
using WebMail.Server.Mail.Diagnostics;

namespace WebMail.UnitTests;

public sealed class MailProblemClassifierTests
{
    public static TheoryData<Exception, MailProblem> Cases => new()
    {
        { new TimeoutException(), MailProblem.Timeout },
        { new OperationCanceledException(), MailProblem.Timeout },
        { new IOException("read", new SocketException((int)SocketError.TimedOut)), MailProblem.Timeout },
        { new SslHandshakeException("handshake", new IOException("read", new SocketException((int)SocketError.TimedOut))), MailProblem.Timeout },
        { new SslHandshakeException("handshake", new System.Security.Authentication.AuthenticationException("untrusted")), MailProblem.CertificateNotTrusted },
        { new SslHandshakeException("handshake", new IOException("closed")), MailProblem.Unreachable },
        { new SocketException((int)SocketError.ConnectionRefused), MailProblem.Unreachable },
        { new AuthenticationException("no"), MailProblem.AuthenticationFailed },
        { new MailKit.Net.Imap.ImapProtocolException("garbage"), MailProblem.ProtocolError },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_Exception_GivesTheProblemAUserCanActOn(Exception exception, MailProblem expected) =>
        Assert.Equal(expected, MailProblemClassifier.Classify(exception));
}
