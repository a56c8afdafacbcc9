using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace WebMail.Testing;

/// <summary>The kinds of message the reading tests open, each with something to check after decoding.</summary>
public static class TestMessages
{
    public const string ChineseSubject = "关于期末考试安排的通知";
    public const string ChineseBody = "各位同学：本学期期末考试将于第十八周开始。";
    public const string ChineseFileName = "课程表 2026.pdf";

    public static MimeMessage Plain(string subject, string body = "Plain body line one.\nLine two with https://example.edu/page link.") =>
        Message(subject, Text("plain", body, Encoding.UTF8));

    public static MimeMessage Html(string subject) =>
        Message(subject, Text("html", "<html><body><p>Hello <b>bold</b> world</p><img src=\"https://tracker.example/pixel.gif\"><script>alert(1)</script></body></html>", Encoding.UTF8));

    public static MimeMessage Alternative(string subject) =>
        Message(subject, new MultipartAlternative
        {
            Text("plain", "The plain alternative.", Encoding.UTF8),
            Text("html", "<p>The <i>HTML</i> alternative.</p>", Encoding.UTF8),
        });

    public static MimeMessage WithAttachment(string subject, byte[] content) =>
        Message(subject, new Multipart("mixed")
        {
            Text("plain", "See the attachment.", Encoding.UTF8),
            new MimePart("application", "pdf")
            {
                Content = new MimeContent(new MemoryStream(content)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = ChineseFileName,
            },
        });

    public static MimeMessage WithInlineImage(string subject)
    {
        var contentId = MimeUtils.GenerateMessageId("test.school.test");
        return Message(subject, new MultipartRelated
        {
            Text("html", $"<p>Logo: <img src=\"cid:{contentId}\" alt=\"logo\"></p>", Encoding.UTF8),
            new MimePart("image", "png")
            {
                Content = new MimeContent(new MemoryStream(Convert.FromBase64String(
                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="))),
                ContentDisposition = new ContentDisposition(ContentDisposition.Inline),
                ContentTransferEncoding = ContentEncoding.Base64,
                ContentId = contentId,
            },
        });
    }

    /// <summary>Subject (RFC 2047) and body both in GB2312, as Chinese mail clients still send them.</summary>
    public static MimeMessage Gb2312()
    {
        var gb2312 = Encoding.GetEncoding("gb2312");
        var message = Message("", Text("plain", ChineseBody, gb2312));
        message.Headers.Replace(HeaderId.Subject, gb2312, ChineseSubject);
        message.From.Clear();
        message.From.Add(new MailboxAddress(gb2312, "教务处", "jiaowu@school.test"));
        return message;
    }

    private static MimeMessage Message(string subject, MimeEntity body)
    {
        var message = new MimeMessage { Subject = subject, Body = body, Date = DateTimeOffset.Now };
        message.From.Add(new MailboxAddress("Test Sender", "sender@school.test"));
        message.To.Add(new MailboxAddress("", "reader@school.test"));
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    private static TextPart Text(string subtype, string text, Encoding encoding)
    {
        var part = new TextPart(subtype);
        part.SetText(encoding, text);
        return part;
    }

    /// <summary>A plain message from <paramref name="from"/> on <paramref name="date"/>, with a Message-Id (for search, sort and threads).</summary>
    public static MimeMessage Sent(
        string subject, string from, DateTimeOffset date, string fromName = "", string to = "students@school.test", string body = "Hello.")
    {
        var message = new MimeMessage { Subject = subject, Date = date, Body = new TextPart("plain") { Text = body } };
        message.From.Add(new MailboxAddress(fromName, from));
        message.To.Add(MailboxAddress.Parse(to));
        message.MessageId = MimeUtils.GenerateMessageId("school.test");
        return message;
    }

    /// <summary>A reply to <paramref name="original"/>: In-Reply-To and References as a mail program sets them.</summary>
    public static MimeMessage ReplyTo(MimeMessage original, string subject, DateTimeOffset date)
    {
        var reply = Sent(subject, "student@school.test", date);
        reply.InReplyTo = original.MessageId;
        reply.References.AddRange(original.References);
        reply.References.Add(original.MessageId!);
        return reply;
    }
}
