using System.Net.Sockets;
using MailKit;
using MailKit.Security;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Diagnostics;

/// <summary>Turns MailKit's and the network's exceptions into the few problems a user can act on.</summary>
public static class MailProblemClassifier
{
    public static MailProblem Classify(Exception exception) => exception switch
    {
        TimeoutException or OperationCanceledException => MailProblem.Timeout,
        IOException { InnerException: SocketException { SocketErrorCode: SocketError.TimedOut } } => MailProblem.Timeout,
        SslHandshakeException => MailProblem.CertificateNotTrusted,
        AuthenticationException => MailProblem.AuthenticationFailed,
        SocketException => MailProblem.Unreachable,
        IOException => MailProblem.Unreachable,
        ServiceNotConnectedException => MailProblem.Unreachable,
        _ => MailProblem.ProtocolError,
    };
}
