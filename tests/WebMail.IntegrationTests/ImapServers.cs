using WebMail.Client.Services;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>The real IMAP servers the reading, folder, flag, search, sort and sign-in tests run against (issue 17).</summary>
public enum ImapServer
{
    /// <summary>The demo Dovecot (scripts/mailserver.sh).</summary>
    Dovecot,

    /// <summary>Cyrus IMAP (scripts/cyrus.sh): the same accounts, mailboxes of its own.</summary>
    Cyrus,
}

/// <summary>An app whose IMAP is the real Cyrus (scripts/cyrus.sh) instead of Dovecot.</summary>
public sealed class CyrusAppFactory() : WebMailAppFactory(DemoMailServer.CyrusAppConfiguration());

/// <summary>
/// For a test class that runs its cases against each real IMAP server: the app pointed at that server and a plain
/// MailKit client that puts mail into it and checks what it holds, as another mail program would.
/// </summary>
public sealed class ImapServers(WebMailAppFactory dovecot, CyrusAppFactory cyrus, ITestOutputHelper output)
{
    private readonly MailTestClients _dovecotClients = new(output);
    private readonly MailTestClients _cyrusClients = new(output, DemoMailServer.CyrusDomainOptions());

    /// <summary>Each IMAP server.</summary>
    public static TheoryData<ImapServer> Each => [ImapServer.Dovecot, ImapServer.Cyrus];

    /// <summary>Each way of reading: IMAP on each server, and POP3 (Dovecot's; Cyrus here serves IMAP only).</summary>
    public static TheoryData<ReadingProtocol, ImapServer> EachReader => new()
    {
        { ReadingProtocol.Imap, ImapServer.Dovecot },
        { ReadingProtocol.Pop3, ImapServer.Dovecot },
        { ReadingProtocol.Imap, ImapServer.Cyrus },
    };

    public WebMailAppFactory App(ImapServer server) => server == ImapServer.Cyrus ? cyrus : dovecot;

    public MailTestClients Clients(ImapServer server) => server == ImapServer.Cyrus ? _cyrusClients : _dovecotClients;
}
