using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Net.Smtp;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Options;
using Xunit.Abstractions;

namespace WebMail.Testing;

/// <summary>Connected, authenticated MailKit clients for the demo server, logging their protocol into the test output.</summary>
public sealed class MailTestClients(ITestOutputHelper output, MailDomainOptions? domain = null)
{
    private readonly MailClientFactory _factory = new();

    public MailDomainOptions Domain { get; } = domain ?? DemoMailServer.DomainOptions();

    public async Task<ImapClient> ImapAsync(string user, string password, CancellationToken cancellationToken)
    {
        var client = await _factory.ConnectAsync(new ImapClient(new TestProtocolLogger(output, "imap " + user)), Domain, Domain.Imap!, cancellationToken);
        await client.AuthenticateAsync(user, password, cancellationToken);
        return client;
    }

    public async Task<Pop3Client> Pop3Async(string user, string password, CancellationToken cancellationToken)
    {
        var client = await _factory.ConnectAsync(new Pop3Client(new TestProtocolLogger(output, "pop3 " + user)), Domain, Domain.Pop3!, cancellationToken);
        await client.AuthenticateAsync(user, password, cancellationToken);
        return client;
    }

    public async Task<SmtpClient> SmtpAsync(string? user, string? password, CancellationToken cancellationToken)
    {
        var client = await _factory.ConnectAsync(new SmtpClient(new TestProtocolLogger(output, "smtp " + user)), Domain, Domain.Smtp!, cancellationToken);
        if (user is not null && password is not null)
        {
            await client.AuthenticateAsync(user, password, cancellationToken);
        }

        return client;
    }

    /// <summary>Puts messages into the user's INBOX (IMAP APPEND, in order) and returns their webmail ids over IMAP.</summary>
    public async Task<IReadOnlyList<string>> AppendAsync(string user, IEnumerable<MimeKit.MimeMessage> messages, CancellationToken cancellationToken)
    {
        using var client = await ImapAsync(user, DemoMailServer.TestPassword, cancellationToken);
        await client.Inbox.OpenAsync(MailKit.FolderAccess.ReadWrite, cancellationToken);
        var ids = new List<string>();
        foreach (var message in messages)
        {
            var uid = await client.Inbox.AppendAsync(new MailKit.AppendRequest(message, MailKit.MessageFlags.None), cancellationToken);
            ids.Add($"{client.Inbox.UidValidity}.{uid!.Value.Id}");
        }

        await client.DisconnectAsync(true, cancellationToken);
        return ids;
    }

    /// <summary>Puts a draft into the user's Drafts folder with the \Draft flag, as another mail program saves one; returns its webmail id.</summary>
    public async Task<string> AppendDraftAsync(string user, MimeKit.MimeMessage draft, CancellationToken cancellationToken)
    {
        using var client = await ImapAsync(user, DemoMailServer.TestPassword, cancellationToken);
        var drafts = await client.GetFolderAsync("Drafts", cancellationToken);
        await drafts.OpenAsync(MailKit.FolderAccess.ReadWrite, cancellationToken);
        var uid = await drafts.AppendAsync(new MailKit.AppendRequest(draft, MailKit.MessageFlags.Draft | MailKit.MessageFlags.Seen), cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        return WebMail.Server.Mail.Imap.ImapMessageId.In(drafts.FullName, uid!.Value).ToString();
    }

    /// <summary>Waits (bounded) until LMTP has delivered <paramref name="count"/> messages to the user's INBOX.</summary>
    public Task WaitForInboxAsync(string user, int count, CancellationToken cancellationToken) =>
        WaitForFolderAsync(user, "INBOX", count, cancellationToken);

    /// <summary>Waits (bounded) until the user's <paramref name="folder"/> holds <paramref name="count"/> messages (filed there by Sieve, say).</summary>
    public async Task WaitForFolderAsync(string user, string folder, int count, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var client = await ImapAsync(user, DemoMailServer.TestPassword, cancellationToken);
            var found = await FolderAsync(client, folder, cancellationToken);
            await found.StatusAsync(MailKit.StatusItems.Count, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            if (found.Count >= count)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{user} has {found.Count} of {count} expected messages in {folder} after 20 s.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>How many messages the user's <paramref name="folder"/> holds now.</summary>
    /// <summary>The first message of the user's inbox once it is there (a message sent to them in the test).</summary>
    public async Task<MimeKit.MimeMessage> FirstInInboxAsync(string user, CancellationToken cancellationToken)
    {
        await WaitForInboxAsync(user, 1, cancellationToken);
        using var client = await ImapAsync(user, DemoMailServer.TestPassword, cancellationToken);
        await client.Inbox.OpenAsync(MailKit.FolderAccess.ReadOnly, cancellationToken);
        var message = await client.Inbox.GetMessageAsync(0, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        return message;
    }

    public async Task<int> CountAsync(string user, CancellationToken cancellationToken, string folder = "INBOX")
    {
        using var client = await ImapAsync(user, DemoMailServer.TestPassword, cancellationToken);
        var found = await FolderAsync(client, folder, cancellationToken);
        await found.StatusAsync(MailKit.StatusItems.Count, cancellationToken);
        return found.Count;
    }

    /// <summary>Each message of the user's <paramref name="folder"/>, oldest first: its subject and its keywords ($Junk, $MDNSent).</summary>
    public async Task<IReadOnlyList<(string Subject, IReadOnlySet<string> Keywords)>> KeywordsAsync(string user, string folder, CancellationToken cancellationToken)
    {
        using var client = await ImapAsync(user, DemoMailServer.TestPassword, cancellationToken);
        var found = await FolderAsync(client, folder, cancellationToken);
        await found.OpenAsync(MailKit.FolderAccess.ReadOnly, cancellationToken);
        var summaries = await found.FetchAsync(0, -1, new MailKit.FetchRequest(MailKit.MessageSummaryItems.Envelope | MailKit.MessageSummaryItems.Flags), cancellationToken);
        return [.. summaries.Select(m => (m.Envelope?.Subject ?? "", (IReadOnlySet<string>)new HashSet<string>(m.Keywords)))];
    }

    /// <summary>
    /// The folder by its name as the user sees it ("Junk"): by its place in the personal namespace, whatever the
    /// server's separator and prefix (Cyrus may name it INBOX.Junk).
    /// </summary>
    private static async Task<MailKit.IMailFolder> FolderAsync(ImapClient client, string name, CancellationToken cancellationToken) =>
        name == "INBOX" ? client.Inbox
        : (await client.GetFoldersAsync(client.PersonalNamespaces[0], cancellationToken: cancellationToken)).First(f => f.Name == name || f.FullName == name);
}
