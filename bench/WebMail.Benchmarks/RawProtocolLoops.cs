using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using WebMail.Server.Mail.Connections;
using WebMail.Testing;

namespace WebMail.Benchmarks;

/// <summary>The least MailKit code that gets the same data as the webmail's first page: the yardstick.</summary>
internal sealed class RawProtocolLoops(string user, string password)
{
    private readonly MailClientFactory _clients = new();
    private readonly WebMail.Server.Mail.Options.MailDomainOptions _domain = DemoMailServer.DomainOptions();

    public async Task<int> InboxCountAsync()
    {
        using var client = await _clients.ConnectImapAsync(_domain, CancellationToken.None);
        await client.AuthenticateAsync(user, password);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var count = client.Inbox.Count;
        await client.DisconnectAsync(true);
        return count;
    }

    public async Task ImapFirstPageAsync(int pageSize)
    {
        using var client = await _clients.ConnectImapAsync(_domain, CancellationToken.None);
        await client.AuthenticateAsync(user, password);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var count = client.Inbox.Count;
        await client.Inbox.FetchAsync(Math.Max(0, count - pageSize), count - 1,
            MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope | MessageSummaryItems.Flags | MessageSummaryItems.Size | MessageSummaryItems.BodyStructure);
        await client.DisconnectAsync(true);
    }

    public async Task Pop3FirstPageAsync(int pageSize)
    {
        using var client = await _clients.ConnectPop3Async(_domain, CancellationToken.None);
        await client.AuthenticateAsync(user, password);
        var uids = await client.GetMessageUidsAsync();
        await client.GetMessageHeadersAsync(Enumerable.Range(Math.Max(0, uids.Count - pageSize), Math.Min(pageSize, uids.Count)).ToList());
        await client.GetMessageSizesAsync();
        await client.DisconnectAsync(true);
    }
}
