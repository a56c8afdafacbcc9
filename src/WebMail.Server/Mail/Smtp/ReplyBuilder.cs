using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using WebMail.Client.Services;
using WebMail.Server.Mail.Rendering;

namespace WebMail.Server.Mail.Smtp;

/// <summary>
/// Replies and forwards made from a message the user read, quoted both ways: as text under "> " for writing plain
/// text, and as the original's cleaned HTML in a blockquote (<see cref="OutgoingMessage.Html"/>) for rich text.
/// </summary>
public static partial class ReplyBuilder
{
    /// <param name="quoteHeader">The localized "On {0}, {1} wrote:" line.</param>
    public static OutgoingMessage Build(ComposeMode mode, RenderedMessage original, string userAddress, string quoteHeader)
    {
        var view = original.View;
        var references = view.References.ToList();
        if (view.MessageId is { Length: > 0 } id && !references.Contains(id))
        {
            references.Add(id);
        }

        var sender = string.IsNullOrEmpty(view.FromName) ? view.FromAddress : $"{view.FromName} <{view.FromAddress}>";
        var header = string.Format(System.Globalization.CultureInfo.CurrentCulture, quoteHeader, view.Date.ToString("f", System.Globalization.CultureInfo.CurrentCulture), sender);
        var quoted = new StringBuilder("\n\n").AppendLine(header);
        foreach (var line in (view.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd().Split('\n'))
        {
            quoted.Append(line.StartsWith('>') ? ">" : "> ").AppendLine(line);
        }

        var quotedHtml = $"<div><br></div><div><br></div><div>{WebUtility.HtmlEncode(header)}</div>"
            + $"<blockquote type=\"cite\" style=\"margin:0 0 0 0.8ex; border-left:2px solid #ccc; padding-left:1ex\">{original.SafeHtml ?? PlainTextHtml.From(view.TextBody ?? "")}</blockquote>";
        if (mode == ComposeMode.ForwardAsAttachment)
        {
            if (original.TooLarge || original.Raw.Length == 0)
            {
                throw new MailOperationException(MailProblem.TooLarge);
            }

            var name = SafeFileName.ForMessage(view.Subject);
            return new OutgoingMessage("", "", "", Prefixed("Fwd: ", view.Subject, ForwardPrefix()), "",
                [new OutgoingAttachment(name, "message/rfc822", original.Raw)]);
        }

        if (mode == ComposeMode.Forward)
        {
            // One parse of the original for all its attachments, paired with the types the view listed.
            var attachments = view.Attachments.Zip(MessageRenderer.AttachmentContents(original.Raw))
                .Select(pair => new OutgoingAttachment(pair.First.FileName, pair.First.ContentType, pair.Second.Content))
                .ToList();
            return new OutgoingMessage("", "", "", Prefixed("Fwd: ", view.Subject, ForwardPrefix()), quoted.ToString(), attachments, Html: quotedHtml);
        }

        var to = view.ReplyTo.ToList();
        var cc = mode == ComposeMode.ReplyAll
            ? view.OtherRecipients.Where(r => !IsAddress(r, userAddress) && !to.Any(t => IsAddress(t, AddressOf(r)))).ToList()
            : [];
        to = to.Where(t => !IsAddress(t, userAddress) || to.Count == 1).ToList();
        return new OutgoingMessage(string.Join(", ", to), string.Join(", ", cc), "",
            Prefixed("Re: ", view.Subject, ReplyPrefix()), quoted.ToString(), [], view.MessageId, references, Html: quotedHtml);
    }

    /// <summary>"Re: Re: RE: 回复: x" becomes "Re: x": one prefix, never stacked.</summary>
    private static string Prefixed(string prefix, string subject, Regex existing)
    {
        var bare = subject;
        while (existing.Match(bare) is { Success: true } match)
        {
            bare = bare[match.Length..];
        }

        return prefix + bare.TrimStart();
    }

    private static bool IsAddress(string mailbox, string address) =>
        string.Equals(AddressOf(mailbox), address, StringComparison.OrdinalIgnoreCase);

    private static string AddressOf(string mailbox) =>
        MimeKit.MailboxAddress.TryParse(mailbox, out var parsed) ? parsed.Address : mailbox;

    [GeneratedRegex(@"^\s*(re|aw|回复|答复)\s*(\[\d+\])?\s*[:：]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyPrefix();

    [GeneratedRegex(@"^\s*(fwd?|wg|转发)\s*[:：]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ForwardPrefix();
}
