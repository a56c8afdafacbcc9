using System.Diagnostics;
using System.Net;
using System.Text;
using MimeKit;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests.Fixtures;

/// <summary>Messages built to exhaust a reader: a 30 MB attachment, 5,000 recipients, 1,000 nested parts, a 1 MB header.</summary>
public static class PathologicalMessages
{
    public static MimeMessage Build(string kind)
    {
        var message = new MimeMessage { Subject = kind, Date = DateTimeOffset.Now };
        message.From.Add(new MailboxAddress("Sender", "sender@school.test"));
        message.To.Add(new MailboxAddress("", "reader@school.test"));
        var html = Html($"<p>marker-{kind}</p>");
        switch (kind)
        {
            case "huge":
                var bytes = new byte[30 * 1024 * 1024];
                new Random(1).NextBytes(bytes);
                message.Body = new Multipart("mixed")
                {
                    html,
                    new MimePart("application", "octet-stream")
                    {
                        Content = new MimeContent(new MemoryStream(bytes)),
                        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                        ContentTransferEncoding = ContentEncoding.Base64,
                        FileName = "big.bin",
                    },
                };
                break;
            case "recipients":
                message.To.AddRange(Enumerable.Range(0, 5000).Select(i => new MailboxAddress($"Student {i}", $"s{i}@school.test")));
                message.Body = html;
                break;
            case "nesting":
                MimeEntity body = html;
                for (var level = 0; level < 1000; level++)
                {
                    body = new Multipart("mixed") { body };
                }

                message.Body = body;
                break;
            default:
                message.Headers.Add("X-Long", new string('a', 1024 * 1024));
                message.Body = html;
                break;
        }

        return message;
    }

    private static TextPart Html(string html)
    {
        var part = new TextPart("html");
        part.SetText(Encoding.UTF8, html);
        return part;
    }
}
