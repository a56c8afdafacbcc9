using System.Text;
using MimeKit;

namespace WebMail.BrowserTests.HostileMail;

/// <summary>
/// Messages built to exhaust the server rather than to run script (issue 15), each with the text a reader must still
/// see: one inline image referenced hundreds of times, thousands of unclosed style openers, an attachment with an
/// extension longer than the name limit, a megabyte header in folded lines, nesting deeper than the parser follows,
/// and broken boundaries with readable parts after them.
/// </summary>
public static class ExhaustingMessages
{
    /// <summary>
    /// Subject and the text the reading pane must show. Plain strings, no MimeKit: test discovery reads them before any
    /// app has registered the GB2312 encodings, and MimeKit remembers a charset it could not find then for the whole
    /// process (every later GB2312 subject decoded as Latin-1).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> VisibleText = new Dictionary<string, string>
    {
        ["amplified-image"] = "after the images",
        ["unclosed-styles"] = "styles never closed",
        ["long-extension"] = "see the file",
        ["megabyte-header"] = "header too long",
        ["too-deeply-nested"] = "readable at the top",
        ["broken-boundaries"] = "after the corrupt part",
    };

    /// <summary>The messages, by subject.</summary>
    public static IReadOnlyList<MimeMessage> All() =>
    [
        AmplifiedImage(),
        Html("unclosed-styles", string.Concat(Enumerable.Repeat("<style>a{}", 20_000)) + "<p>styles never closed</p>"),
        LongExtension(),
        FoldedMegabyteHeader(),
        TooDeeplyNested(),
        BrokenBoundaries(),
    ];

    private static MimeMessage AmplifiedImage()
    {
        var image = new byte[1_500_000];
        new Random(15).NextBytes(image);
        var html = new TextPart("html") { Text = string.Concat(Enumerable.Repeat("<img src=\"cid:big@x\">", 300)) + "<p>after the images</p>" };
        var related = new Multipart("related")
        {
            html,
            new MimePart("image", "png") { Content = new MimeContent(new MemoryStream(image)), ContentId = "big@x", ContentTransferEncoding = ContentEncoding.Base64 },
        };
        return Message("amplified-image", related);
    }

    private static MimeMessage LongExtension() => Message("long-extension", new Multipart("mixed")
    {
        new TextPart("plain") { Text = "see the file" },
        new MimePart("application", "octet-stream")
        {
            Content = new MimeContent(new MemoryStream("data"u8.ToArray())),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "report." + new string('x', 300),
        },
    });

    private static MimeMessage FoldedMegabyteHeader()
    {
        // Built, not parsed: parsing it is what is slow. MimeKit folds the header when it writes the message.
        var message = Message("megabyte-header", new TextPart("plain") { Text = "header too long" });
        message.Headers.Add("X-Long", new string('a', 1024 * 1024));
        return message;
    }

    private static MimeMessage TooDeeplyNested()
    {
        var raw = new StringBuilder("From: sender@school.test\r\nTo: reader@school.test\r\nSubject: too-deeply-nested\r\n" +
            "Content-Type: multipart/mixed; boundary=\"top\"\r\n\r\n--top\r\nContent-Type: text/plain\r\n\r\nreadable at the top\r\n--top\r\n");
        for (var i = 0; i < 1100; i++)
        {
            raw.Append($"Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n");
        }

        raw.Append("Content-Type: text/plain\r\n\r\ndeep\r\n");
        for (var i = 1099; i >= 0; i--)
        {
            raw.Append($"--b{i}--\r\n");
        }

        return Parse(raw.Append("--top--\r\n").ToString());
    }

    private static MimeMessage BrokenBoundaries() => Parse(
        "From: sender@school.test\r\nTo: reader@school.test\r\nSubject: broken-boundaries\r\n" +
        "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n" +
        "--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!####$$$$ corrupt\r\n" +
        "--b\r\nContent-Type: text/plain\r\n\r\nafter the corrupt part\r\n" +
        "--b\r\nContent-Type: text/plain\r\n\r\nno closing boundary");

    private static MimeMessage Html(string subject, string html) => Message(subject, new TextPart("html") { Text = html });

    private static MimeMessage Message(string subject, MimeEntity body)
    {
        var message = new MimeMessage { Subject = subject, Date = DateTimeOffset.Now, Body = body };
        message.From.Add(new MailboxAddress("Sender", "sender@school.test"));
        message.To.Add(new MailboxAddress("", "reader@school.test"));
        return message;
    }

    private static MimeMessage Parse(string raw) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw)));
}
