using System.Net.Sockets;
using MailKit;
using MailKit.Security;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Diagnostics;

/// <summary>Turns MailKit's and the network's exceptions into the few problems a user can act on.</summary>
public static class MailProblemClassifier
{
    public static MailProblem Classify(Exception exception)
    {
        // A timeout anywhere in the chain wins: MailKit's own read timeout during a TLS handshake surfaces as an
        // SslHandshakeException wrapping an IOException, which is a slow server, not a bad certificate.
        if (Chain(exception).Any(IsTimeout))
        {
            return MailProblem.Timeout;
        }

        return exception switch
        {
            Connections.TooManyConnectionsException => MailProblem.TooManyConnections,
            SslHandshakeException { InnerException: IOException or SocketException } => MailProblem.Unreachable,
            SslHandshakeException => MailProblem.CertificateNotTrusted,
            AuthenticationException => MailProblem.AuthenticationFailed,
            SocketException or IOException or ServiceNotConnectedException => MailProblem.Unreachable,
            // The directory (libldap's result codes, RFC 4511 and OpenLDAP's client codes): 49 invalid credentials;
            // 81 server down, 91 connect error; 85 timeout.
            System.DirectoryServices.Protocols.LdapException { ErrorCode: 49 } => MailProblem.AuthenticationFailed,
            System.DirectoryServices.Protocols.LdapException { ErrorCode: 81 or 91 } => MailProblem.Unreachable,
            System.DirectoryServices.Protocols.LdapException { ErrorCode: 85 } => MailProblem.Timeout,
            System.DirectoryServices.Protocols.DirectoryOperationException { Response.ResultCode: System.DirectoryServices.Protocols.ResultCode.TimeLimitExceeded } => MailProblem.Timeout,
            _ => MailProblem.ProtocolError,
        };
    }

    private static bool IsTimeout(Exception exception) => exception is TimeoutException or OperationCanceledException
        or SocketException { SocketErrorCode: SocketError.TimedOut };

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
