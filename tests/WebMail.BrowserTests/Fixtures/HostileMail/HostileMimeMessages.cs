using System.Text;
using MimeKit;

namespace WebMail.BrowserTests.HostileMail;

/// <summary>
/// Whole messages whose hostility is in the headers or the MIME structure: markup in the subject, sender name and
/// file names (plain and RFC 2047/2231 encoded), spoofing file names, and attachments that would run if rendered.
/// </summary>
public static class HostileMimeMessages
{
    public const string SubjectMarkup = "<img src=x onerror=\"top.__pwned=1\">Exam results";
    public const string SenderMarkup = "<script>top.__pwned=1</script>Registrar";
    public const string EncodedSubjectMarkup = "<svg onload=top.__pwned=1>成绩单";
    public const string RightToLeftFileName = "invoice\u202Efdp.exe";
    public const string PathFileName = "../../../etc/passwd";
    public const string ControlFileName = "report\u0007\u0000.txt";

    /// <summary>Subject and From display name carry markup, sent plainly (8-bit) as a careless client would.</summary>
    public static MimeMessage MarkupInHeaders() => Parse(
        $"From: \"{SenderMarkup}\" <registrar@evil.invalid>\r\n" +
        "To: reader@school.test\r\n" +
        $"Subject: {SubjectMarkup}\r\n" +
        "Date: Sun, 29 Nov 2026 10:00:00 +0800\r\n" +
        "Message-Id: <markup-headers@evil.invalid>\r\n" +
        "MIME-Version: 1.0\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n\r\n" +
        "<b>not bold</b> <script>top.__pwned=1</script>\r\n");

    /// <summary>The same kind of markup hidden in RFC 2047 encoded words, which a decoder turns back into markup.</summary>
    public static MimeMessage MarkupInEncodedWords() => Parse(
        $"From: =?utf-8?B?{Base64(SenderMarkup)}?= <registrar@evil.invalid>\r\n" +
        "To: reader@school.test\r\n" +
        $"Subject: =?utf-8?B?{Base64(EncodedSubjectMarkup)}?=\r\n" +
        "Date: Sun, 29 Nov 2026 10:01:00 +0800\r\n" +
        "Message-Id: <encoded-words@evil.invalid>\r\n" +
        "MIME-Version: 1.0\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n\r\n" +
        "Encoded words.\r\n");

    /// <summary>
    /// Attachments that would run script if the webmail rendered them: HTML, SVG, HTML declared as text/plain, and
    /// file names that spoof their type (right-to-left override), climb out of a folder or hide control characters.
    /// </summary>
    public static MimeMessage DangerousAttachments()
    {
        var message = new MimeMessage { Subject = "dangerous-attachments", Date = DateTimeOffset.Now };
        message.From.Add(new MailboxAddress("Attacker", "attacker@evil.invalid"));
        message.To.Add(new MailboxAddress("", "reader@school.test"));
        var script = "<html><body><script>top.__pwned=1;alert(1)</script><img src=x onerror=alert(1)></body></html>";
        message.Body = new Multipart("mixed")
        {
            new TextPart("plain") { Text = "Open the attachments." },
            Attachment("text", "html", "page.html", script),
            Attachment("image", "svg+xml", "picture.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"top.__pwned=1\"><script>alert(1)</script></svg>"),
            Attachment("text", "plain", "notes.html", script),
            Attachment("application", "octet-stream", RightToLeftFileName, "MZ"),
            Attachment("application", "octet-stream", PathFileName, "root:x:0:0"),
            Attachment("text", "plain", ControlFileName, "bell"),
        };
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    private static MimePart Attachment(string type, string subtype, string fileName, string content) => new(type, subtype)
    {
        Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(content))),
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
        ContentTransferEncoding = ContentEncoding.Base64,
        FileName = fileName,
    };

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static MimeMessage Parse(string raw) =>
        MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw)));
}
