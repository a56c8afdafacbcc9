using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Sieve;

namespace WebMail.Testing;

/// <summary>The demo server's Pigeonhole (scripts/mailserver.sh): its ManageSieve endpoint, a signed-in client, and mail delivered through it.</summary>
public static class DemoPigeonhole
{
    public static MailEndpointOptions Endpoint => new() { Host = "127.0.0.1", Port = DemoMailServer.SievePort, Security = MailSecurity.StartTls, TimeoutSeconds = 20 };

    public static async Task<ManageSieveClient> SignedInAsync(string user, CancellationToken cancellationToken)
    {
        var client = new ManageSieveClient(Endpoint, new MailCertificateValidator(DemoMailServer.DomainOptions()));
        await client.ConnectAsync(cancellationToken);
        await client.AuthenticateAsync(user, DemoMailServer.TestPassword, cancellationToken);
        return client;
    }

    /// <summary>A message from <paramref name="from"/> to <paramref name="to"/> through SMTP submission, delivered by LMTP (where Sieve runs).</summary>
    public static async Task SendAsync(
        MailTestClients clients, string from, string to, string subject, CancellationToken cancellationToken, params (string Name, string Value)[] headers)
    {
        using var smtp = await clients.SmtpAsync(from, DemoMailServer.TestPassword, cancellationToken);
        var message = new MimeKit.MimeMessage { Subject = subject };
        message.From.Add(MimeKit.MailboxAddress.Parse(from));
        message.To.Add(MimeKit.MailboxAddress.Parse(to));
        foreach (var (name, value) in headers)
        {
            message.Headers.Add(name, value);
        }

        message.Body = new MimeKit.TextPart("plain") { Text = "老师好。" };
        await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(true, cancellationToken);
    }
}
