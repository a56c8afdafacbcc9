using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using WebMail.Client.Services;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Diagnostics;
using WebMail.Server.Mail.Options;

namespace WebMail.Server.Auth;

/// <summary>Proves a user name and password to the domain's reading server (IMAP or POP3).</summary>
public sealed class MailAuthenticator(MailClientFactory clients, ILogger<MailAuthenticator> logger)
{
    /// <returns><see cref="MailProblem.None"/> when the server accepted the credentials.</returns>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public async Task<MailProblem> AuthenticateAsync(
        MailDomainOptions domain, ReadingProtocol protocol, string address, string password, CancellationToken cancellationToken)
    {
        var endpoint = protocol == ReadingProtocol.Imap ? domain.Imap! : domain.Pop3!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(endpoint.Timeout);
        try
        {
            using IMailService client = protocol == ReadingProtocol.Imap
                ? await clients.ConnectImapAsync(domain, timeout.Token)
                : await clients.ConnectPop3Async(domain, timeout.Token);
            await MailSignIn.AuthenticateAsync(client, address, password, timeout.Token);
            // POP3 locks the maildrop while connected: leave at once. IMAP sessions reconnect when needed.
            await client.DisconnectAsync(quit: true, timeout.Token);
            return MailProblem.None;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var problem = timeout.IsCancellationRequested ? MailProblem.Timeout : MailProblemClassifier.Classify(exception);
            // The exception's type, never its message or data: those can echo what the client sent.
            logger.LogInformation("{Protocol} authentication of {Address} failed: {Problem} ({ExceptionType})",
                protocol, address, problem, exception.GetType().Name);
            return problem;
        }
    }
}
