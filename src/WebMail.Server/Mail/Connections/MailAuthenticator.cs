using MailKit;
using MailKit.Net.Pop3;
using WebMail.Client.Services;
using WebMail.Server.Mail.Options;

namespace WebMail.Server.Mail.Connections;

/// <summary>Proves a user name and password to the domain's reading server (IMAP or POP3), through the one path.</summary>
public sealed class MailAuthenticator(MailClientFactory clients, MailServerCalls calls)
{
    /// <returns>
    /// <see cref="MailProblem.None"/> when the server accepted the credentials, with the IMAP connection it signed in
    /// on (the caller owns it: the session's store takes it over instead of connecting again); when the server
    /// refused them, its reply.
    /// </returns>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public async Task<MailSignInOutcome> AuthenticateAsync(
        MailDomainOptions domain, ReadingProtocol protocol, string address, string password, string clientAddress, CancellationToken cancellationToken)
    {
        var imap = protocol == ReadingProtocol.Imap;
        var target = new MailCallTarget(imap ? "imap" : "pop3", "signin", imap ? domain.Imap! : domain.Pop3!, address);
        try
        {
            // IMAP keeps the connection for the session's store; POP3 locks the maildrop while connected, so it leaves at once.
            var connection = imap
                ? await calls.RunAsync<IMailService?>(
                    target, async token => await MailSignIn.ConnectImapAsync(clients, domain, address, password, clientAddress, token), cancellationToken)
                : await calls.RunOnNewConnectionAsync<Pop3Client, IMailService?>(
                    target,
                    token => clients.ConnectPop3Async(domain, token),
                    async (client, token) =>
                    {
                        await MailSignIn.AuthenticateAsync(client, domain, address, password, clientAddress, token);
                        return null;
                    },
                    cancellationToken);
            return new MailSignInOutcome(MailProblem.None, null, connection);
        }
        catch (MailOperationException exception)
        {
            var reply = exception.Problem == MailProblem.AuthenticationFailed ? ServerReply.Clean(exception.InnerException?.Message, password) : null;
            return new MailSignInOutcome(exception.Problem, reply, null);
        }
    }
}

/// <param name="Problem">None when the server accepted the credentials.</param>
/// <param name="ServerReply">The server's words when it refused them (the password cut out).</param>
/// <param name="Connection">The IMAP connection signed in on, owned by the caller; null otherwise.</param>
public sealed record MailSignInOutcome(MailProblem Problem, string? ServerReply, IMailService? Connection);
