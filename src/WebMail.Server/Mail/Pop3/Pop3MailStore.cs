using MailKit.Net.Pop3;
using MimeKit;
using MimeKit.Utils;
using WebMail.Client.Services;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Mail.Pop3;

/// <summary>
/// The inbox over POP3. POP3 locks the maildrop while connected, so every operation connects, does its work
/// and QUITs at once. Messages are named by UIDL, never by their (shifting) sequence number. Listing sends
/// UIDL, then TOP n 0 (pipelined by MailKit) only for messages of the page whose headers it has not seen yet.
/// POP3 has no read flags: what the user opened in this session counts as read.
/// </summary>
public sealed class Pop3MailStore(UserSession session, MailDomainOptions domain, MailClientFactory clients, ILogger logger) : IMailStore
{
    private readonly MailOperationRunner _runner = new(session, domain.Pop3!, logger);
    private readonly Dictionary<string, MessageSummary> _headers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _opened = new(StringComparer.Ordinal);

    public Task<(IReadOnlyList<MessageSummary> Messages, int TotalCount)> ListAsync(int pageIndex, int pageSize, CancellationToken cancellationToken) =>
        RunAsync<(IReadOnlyList<MessageSummary>, int)>(async (client, token) =>
        {
            var uids = await client.GetMessageUidsAsync(token);
            // The maildrop lists oldest first; the page wants the newest first.
            var pageIndexes = Enumerable.Range(0, uids.Count).Reverse().Skip(pageIndex * pageSize).Take(pageSize).ToList();
            var missing = pageIndexes.Where(i => !_headers.ContainsKey(uids[i])).ToList();
            if (missing.Count > 0)
            {
                var headers = await client.GetMessageHeadersAsync(missing, token);
                var sizes = await client.GetMessageSizesAsync(token);
                for (var k = 0; k < missing.Count; k++)
                {
                    _headers[uids[missing[k]]] = ToSummary(uids[missing[k]], headers[k], sizes[missing[k]]);
                }
            }

            List<MessageSummary> page;
            lock (_opened)
            {
                page = pageIndexes.Select(i => _headers[uids[i]] with { IsRead = _opened.Contains(uids[i]) }).ToList();
            }

            return (page, uids.Count);
        }, cancellationToken);

    public Task<byte[]> DownloadAsync(string messageId, CancellationToken cancellationToken) =>
        RunAsync(async (client, token) =>
        {
            var index = await IndexOfAsync(client, messageId, token);
            using var buffer = new MemoryStream();
            using (var stream = await client.GetStreamAsync(index, headersOnly: false, token))
            {
                await stream.CopyToAsync(buffer, token);
            }

            lock (_opened)
            {
                _opened.Add(messageId);
            }

            return buffer.ToArray();
        }, cancellationToken);

    public Task DeleteAsync(string messageId, CancellationToken cancellationToken) =>
        RunAsync(async (client, token) =>
        {
            await client.DeleteMessageAsync(await IndexOfAsync(client, messageId, token), token);
            _headers.Remove(messageId);
            return true;
        }, cancellationToken);

    public Task SetReadAsync(string messageId, bool read, CancellationToken cancellationToken)
    {
        // No flags on a POP3 server: the mark lives in this session only. Not behind the runner's gate (no server
        // work), so it takes its own lock against a listing in progress.
        lock (_opened)
        {
            if (read)
            {
                _opened.Add(messageId);
            }
            else
            {
                _opened.Remove(messageId);
            }
        }

        return Task.CompletedTask;
    }

    public Task MarkAnsweredAsync(string messageId, CancellationToken cancellationToken) => Task.CompletedTask;

    // POP3 has one mailbox and nowhere to keep sent mail.
    public Task<bool> AppendToSentAsync(MimeMessage message, CancellationToken cancellationToken) => Task.FromResult(false);

    // Drafts of a POP3 account are kept in the session only (see MailSessionContext).
    public Task<string?> ReplaceDraftAsync(MimeMessage draft, string? previousId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task DeleteDraftAsync(string draftId, CancellationToken cancellationToken) => Task.CompletedTask;

    private Task<T> RunAsync<T>(Func<Pop3Client, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        Pop3Client? current = null;
        return _runner.RunAsync(async token =>
        {
            using var client = await clients.ConnectPop3Async(domain, token);
            current = client;
            await client.AuthenticateAsync(session.Address, session.RevealPassword(), token);
            var result = await operation(client, token);
            // QUIT commits deletions and releases the maildrop lock for the user's other clients.
            await client.DisconnectAsync(quit: true, token);
            return result;
        }, () =>
        {
            current?.Dispose();
            return Task.CompletedTask;
        }, cancellationToken);
    }

    private static async Task<int> IndexOfAsync(Pop3Client client, string messageId, CancellationToken cancellationToken)
    {
        var index = (await client.GetMessageUidsAsync(cancellationToken)).IndexOf(messageId);
        return index >= 0 ? index : throw new MailOperationException(MailProblem.MessageNotFound);
    }

    private static MessageSummary ToSummary(string uid, HeaderList headers, int size)
    {
        var from = InternetAddressList.TryParse(headers[HeaderId.From] ?? "", out var list) ? list.Mailboxes.FirstOrDefault() : null;
        var date = DateUtils.TryParse(headers[HeaderId.Date] ?? "", out var parsed) ? parsed : DateTimeOffset.MinValue;
        var contentType = headers[HeaderId.ContentType] ?? "";
        return new MessageSummary(
            uid, from?.Name ?? "", from?.Address ?? headers[HeaderId.From] ?? "", headers[HeaderId.Subject] ?? "", date, size,
            IsRead: false, HasAttachments: contentType.Contains("multipart/mixed", StringComparison.OrdinalIgnoreCase));
    }

    // Nothing stays open between operations.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
