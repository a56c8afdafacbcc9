using MailKit;
using WebMail.Client.Services;
using WebMail.Server.Mail.Options;

namespace WebMail.Server.Mail.Connections;

/// <summary>Proves a user name and password to the domain's reading server (IMAP or POP3), through the one path.</summary>
public sealed class MailAuthenticator(MailClientFactory clients, MailServerCalls calls)
{
    /// <returns><see cref="MailProblem.None"/> when the server accepted the credentials; when it refused them, its reply.</returns>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public async Task<(MailProblem Problem, string? ServerReply)> AuthenticateAsync(
        MailDomainOptions domain, ReadingProtocol protocol, string address, string password, string clientAddress, CancellationToken cancellationToken)
    {
        var imap = protocol == ReadingProtocol.Imap;
        var target = new MailCallTarget(imap ? "imap" : "pop3", "signin", imap ? domain.Imap! : domain.Pop3!, address);
        try
        {
            // POP3 locks the maildrop while connected: the path leaves at once. IMAP sessions reconnect when needed.
            await calls.RunOnNewConnectionAsync<IMailService, bool>(
                target,
                async token => imap ? await clients.ConnectImapAsync(domain, token) : await clients.ConnectPop3Async(domain, token),
                async (client, token) =>
                {
                    await MailSignIn.AuthenticateAsync(client, domain, address, password, clientAddress, token);
                    return true;
                },
                cancellationToken);
            return (MailProblem.None, null);
        }
        catch (MailOperationException exception)
        {
            var reply = exception.Problem == MailProblem.AuthenticationFailed ? ServerReply.Clean(exception.InnerException?.Message, password) : null;
            return (exception.Problem, reply);
        }
    }
}
