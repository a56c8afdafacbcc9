using System.Diagnostics;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using WebMail.Client.Services;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Options;

namespace WebMail.Server.Mail.Diagnostics;

public sealed class MailServerStatusService(
    MailClientFactory clients, MailServerCalls calls, IOptionsMonitor<MailOptions> options)
    : IMailServerStatusService
{
    public async Task<IReadOnlyList<MailServerStatus>> CheckAllAsync(CancellationToken cancellationToken = default)
    {
        var checks = options.CurrentValue.Domains
            .SelectMany(domain => domain.Endpoints().Select(e => CheckAsync(domain, e.Protocol, e.Endpoint, cancellationToken)));
        return await Task.WhenAll(checks);
    }

    private async Task<MailServerStatus> CheckAsync(
        MailDomainOptions domain, string protocol, MailEndpointOptions endpoint, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var problem = MailProblem.None;
        try
        {
            // Connecting (with TLS and the certificate check) and a polite goodbye; no one signs in.
            await calls.RunOnNewConnectionAsync(
                new MailCallTarget(protocol.ToLowerInvariant(), "check", endpoint, ""),
                token => clients.ConnectAsync(NewClient(protocol), domain, endpoint, token),
                (_, _) => Task.FromResult(true),
                cancellationToken);
        }
        catch (MailOperationException exception)
        {
            problem = exception.Problem;
        }

        return new MailServerStatus(domain.Name, protocol, endpoint.ToString(), problem, stopwatch.Elapsed);
    }

    private static IMailService NewClient(string protocol) => protocol switch
    {
        "IMAP" => new ImapClient(),
        "POP3" => new Pop3Client(),
        _ => new SmtpClient(),
    };
}
