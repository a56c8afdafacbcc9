using System.Text;
using MimeKit;
using MimeKit.Text;
using MimeKit.Utils;

namespace WebMail.MailSeeder;

/// <summary>
/// Makes the kinds of message a school inbox holds: plain and HTML, English and Chinese
/// (UTF-8, GB2312, GBK and GB18030 bodies with RFC 2047 headers), attachments and inline images,
/// from about 1 KB to a few hundred KB. Deterministic for a given seed.
/// </summary>
internal sealed class SeedMessageFactory(int randomSeed)
{
    private static readonly Encoding Gb2312 = Encoding.GetEncoding("gb2312");
    private static readonly Encoding Gbk = Encoding.GetEncoding("gbk");
    private static readonly Encoding Gb18030 = Encoding.GetEncoding("gb18030");

    private readonly Random _random = new(randomSeed);

    public MimeMessage Create(int index, DateTimeOffset date)
    {
        var sender = SeedTexts.Senders[_random.Next(SeedTexts.Senders.Length)];
        var message = new MimeMessage
        {
            Date = date,
            MessageId = MimeUtils.GenerateMessageId("seed.school.test"),
        };
        message.To.Add(new MailboxAddress("", "inbox-owner@school.test"));

        var chinese = sender.Chinese;
        var encoding = (index % 5) switch
        {
            1 => Gb2312,
            2 => Gbk,
            3 => Gb18030,
            _ => Encoding.UTF8,
        };
        var subjects = chinese ? SeedTexts.ChineseSubjects : SeedTexts.EnglishSubjects;
        var subject = $"{subjects[_random.Next(subjects.Length)]} #{index + 1}";
        message.From.Add(new MailboxAddress(encoding, sender.Name, sender.Address));
        message.Headers.Replace(HeaderId.Subject, encoding, subject);

        var paragraphs = chinese ? SeedTexts.ChineseParagraphs : SeedTexts.EnglishParagraphs;
        var text = BuildText(paragraphs, 1 + _random.Next(chinese ? 6 : 10));

        message.Body = (index % 7) switch
        {
            0 or 1 => Plain(text, encoding),
            2 => Html(text, encoding),
            3 => Alternative(text, encoding),
            4 => WithAttachments(Alternative(text, encoding), attachmentCount: 1, maxKilobytes: 40),
            5 => WithInlineImage(text, encoding),
            _ => index % 21 == 6
                ? WithAttachments(Plain(text, encoding), attachmentCount: 2, maxKilobytes: 300)
                : Plain(text, encoding),
        };
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    private string BuildText(string[] paragraphs, int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.AppendLine(paragraphs[_random.Next(paragraphs.Length)]).AppendLine();
        }

        return builder.ToString();
    }

    private static TextPart Plain(string text, Encoding encoding)
    {
        var part = new TextPart(TextFormat.Plain);
        part.SetText(encoding, text);
        return part;
    }

    private static TextPart Html(string text, Encoding encoding, string extra = "")
    {
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => $"<p style=\"margin:0 0 1em\">{System.Net.WebUtility.HtmlEncode(p.Trim())}</p>");
        var html = $"<!DOCTYPE html><html><head><meta charset=\"{encoding.WebName}\"></head><body>"
            + $"<div style=\"font-family:sans-serif\">{string.Join("\n", paragraphs)}{extra}</div></body></html>";
        var part = new TextPart(TextFormat.Html);
        part.SetText(encoding, html);
        return part;
    }

    private static MultipartAlternative Alternative(string text, Encoding encoding) =>
        new() { Plain(text, encoding), Html(text, encoding) };

    private MimeEntity WithAttachments(MimeEntity body, int attachmentCount, int maxKilobytes)
    {
        var mixed = new Multipart("mixed") { body };
        for (var i = 0; i < attachmentCount; i++)
        {
            var (name, type) = SeedTexts.AttachmentNames[_random.Next(SeedTexts.AttachmentNames.Length)];
            var content = new byte[1024 * (1 + _random.Next(maxKilobytes))];
            _random.NextBytes(content);
            mixed.Add(new MimePart(type)
            {
                Content = new MimeContent(new MemoryStream(content)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = name,
            });
        }

        return mixed;
    }

    private MimeEntity WithInlineImage(string text, Encoding encoding)
    {
        var contentId = MimeUtils.GenerateMessageId("seed.school.test");
        var related = new MultipartRelated
        {
            Html(text, encoding, $"<p><img src=\"cid:{contentId}\" alt=\"logo\" width=\"16\" height=\"16\"></p>"),
        };
        related.Add(new MimePart("image", "png")
        {
            Content = new MimeContent(new MemoryStream(SeedTexts.TinyPng)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Inline),
            ContentTransferEncoding = ContentEncoding.Base64,
            ContentId = contentId,
            FileName = "logo.png",
        });
        return related;
    }
}
