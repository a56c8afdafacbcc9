using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Imap;

public sealed partial class ImapMailStore
{
    /// <summary>A conversation printed or shown whole stops at this many messages (the newest ones kept).</summary>
    public const int MaxConversationMessages = 50;

    public Task<IReadOnlyList<string>> ConversationOfAsync(string messageId, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<string>>(async (client, token) =>
        {
            var group = ByFolder([messageId]).Single();
            var (folder, uids) = await OpenForAsync(group, token);
            var uid = uids[0];
            var envelope = (await folder.FetchAsync(uids, MessageSummaryItems.Envelope, token)).SingleOrDefault()?.Envelope
                ?? throw new MailOperationException(MailProblem.MessageNotFound);
            // Threading a whole folder of 100,000 messages to print one conversation is wasted work: only messages
            // whose subject holds this one's (without Re:/Fwd:) can be in it, as replies keep the subject.
            var subject = BaseSubject(envelope.Subject ?? "");
            if (subject.Length == 0)
            {
                return [messageId];
            }

            var threads = await ThreadsAsync(client, folder, SearchQuery.SubjectContains(subject), token);
            // In reply order, as the conversation view lists it.
            var conversation = new List<(UniqueId Uid, int Level)>();
            if (threads.FirstOrDefault(thread => Contains(thread, uid)) is { } found)
            {
                Flatten(found, 0, conversation);
            }
            else
            {
                conversation.Add((uid, 0));
            }

            return [.. conversation.TakeLast(MaxConversationMessages).Select(m => new ImapMessageId(group.Key, folder.UidValidity, m.Uid.Id).ToString())];
        }, cancellationToken);

    /// <summary>
    /// The subject without reply and forward prefixes, in English (RFC 5256's Re:/Fwd:) and as Chinese mail programs
    /// write them: Foxmail and Coremail "回复:"/"转发:", Outlook in Chinese "答复:"/"转发:", traditional "回覆:"/"轉寄:",
    /// with a full-width colon as often as not.
    /// </summary>
    internal static string BaseSubject(string subject)
    {
        var rest = subject.Trim();
        while (ReplyPrefix().Match(rest) is { Success: true } prefix)
        {
            rest = rest[prefix.Length..].TrimStart();
        }

        return MessageThreader.GetThreadableSubject(rest, out _);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(re|fwd?|aw|wg|回复|答复|回覆|转发|轉寄|轉發)\s*(\[\d+\])?\s*[:：]", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ReplyPrefix();

    /// <summary>The server's THREAD=REFERENCES where it has it, else the same algorithm here over the envelopes.</summary>
    private static async Task<IList<MessageThread>> ThreadsAsync(ImapClient client, IMailFolder folder, SearchQuery search, CancellationToken cancellationToken)
    {
        if (client.ThreadingAlgorithms.Contains(ThreadingAlgorithm.References))
        {
            return await folder.ThreadAsync(ThreadingAlgorithm.References, search, cancellationToken);
        }

        var matches = await folder.SearchAsync(search, cancellationToken);
        var items = await folder.FetchAsync(
            UidSets.Ascending(matches), MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope | MessageSummaryItems.References, cancellationToken);
        return items.Thread(ThreadingAlgorithm.References);
    }

    private static bool Contains(MessageThread thread, UniqueId uid) => thread.UniqueId == uid || thread.Children.Any(child => Contains(child, uid));
}
