using System.Text;
using MimeKit;
using WebMail.Client.Services;
using WebMail.Server.Mail.Rendering;

namespace WebMail.UnitTests;

/// <summary>Which files are imported as messages: real mail is; a picture or a document picked by mistake is not.</summary>
public sealed class ImportedMessageTests
{
    [Fact]
    public void Parse_RealMailOfTheCorpus_WithSenderAndDate_IsAMessage()
    {
        var tried = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(CorpusRenderingTests.Corpus, "mimekit", "messages")))
        {
            var raw = File.ReadAllBytes(file);
            var parsed = TryLoad(raw);
            if (parsed is null || !parsed.Headers.Contains(HeaderId.From) || !parsed.Headers.Contains(HeaderId.Date))
            {
                continue;
            }

            Assert.Equal(parsed.Subject, ImportedMessage.Parse(raw).Subject);
            tried++;
        }

        Assert.True(tried > 5, $"{tried} corpus messages tried");
    }

    [Fact]
    public void Parse_ChineseMailSavedByAMailProgram_KeepsItsSubject()
    {
        var eml = "From: =?GB2312?B?1cXOsA==?= <zhangwei@school.test>\r\nDate: Mon, 1 Dec 2026 08:00:00 +0800\r\n" +
            "Subject: =?GB2312?B?xtrEqb+8ytSwssXF?=\r\nContent-Type: text/plain; charset=GB2312\r\n\r\nbody\r\n";

        Assert.Equal("期末考试安排", ImportedMessage.Parse(Encoding.ASCII.GetBytes(eml)).Subject);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("text")]
    [InlineData("headersWithoutSender")]
    [InlineData("empty")]
    public void Parse_NotMail_IsRefusedAsNotAMessage(string kind)
    {
        byte[] content = kind switch
        {
            "png" => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
            "text" => Encoding.UTF8.GetBytes("会议纪要\n第一项：期末考试安排。\n"),
            "headersWithoutSender" => Encoding.UTF8.GetBytes("Content-Type: text/plain\r\n\r\nhello\r\n"),
            _ => [],
        };

        var refused = Assert.Throws<MailOperationException>(() => ImportedMessage.Parse(content));

        Assert.Equal(MailProblem.NotAMessage, refused.Problem);
    }

    private static MimeMessage? TryLoad(byte[] raw)
    {
        try
        {
            return MimeMessage.Load(new MemoryStream(raw));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
