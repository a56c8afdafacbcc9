using MimeKit;
using WebMail.Client.Services;
using WebMail.Server.Mail.Smtp;

namespace WebMail.UnitTests;

public sealed class OutgoingMessageBuilderTests
{
    [Theory]
    [InlineData("one\rtwo\nthree\r\nfour")]
    [InlineData("第一行\r第二行\n第三行\r\n\r\r最后")]
    public void Build_BodyWithLoneCrAndLf_PutsOnlyCrLfOnTheWire(string body)
    {
        var message = OutgoingMessageBuilder.Build("a@school.test", new OutgoingMessage("b@school.test", "", "", "s", body, []),
            [MailboxAddress.Parse("b@school.test")], [], []);

        // As MailKit's SmtpClient writes it: CRLF line endings.
        using var wire = new MemoryStream();
        message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, wire);
        var bytes = wire.ToArray();

        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\r')
            {
                Assert.True(i + 1 < bytes.Length && bytes[i + 1] == '\n', $"lone CR at byte {i}");
            }
            else if (bytes[i] == '\n')
            {
                Assert.True(i > 0 && bytes[i - 1] == '\r', $"lone LF at byte {i}");
            }
        }

        var text = Assert.IsType<TextPart>(MimeMessage.Load(new MemoryStream(bytes)).Body).Text;
        Assert.Equal(body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
    }

    [Fact]
    public void Build_ChineseDisplayName_FromIsRfc2047EncodedWithTheUsersOwnAddress()
    {
        var message = OutgoingMessageBuilder.Build("2023001@school.test", new OutgoingMessage("b@school.test", "", "", "s", "body", []),
            [MailboxAddress.Parse("b@school.test")], [], [], displayName: "张伟\r\nBcc: x@evil.test");

        using var wire = new MemoryStream();
        message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, wire);
        // Unfolded: a long encoded name is folded over several lines.
        var headers = System.Text.Encoding.ASCII.GetString(wire.ToArray()).Split("\r\n\r\n")[0].Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);
        var from = Assert.Single(headers.Split("\r\n"), line => line.StartsWith("From:", StringComparison.Ordinal));
        Assert.Contains("=?utf-8?", from, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("<2023001@school.test>", from, StringComparison.Ordinal);
        Assert.DoesNotContain(headers.Split("\r\n"), line => line.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase)); // still one From line
        var reread = MimeMessage.Load(new MemoryStream(wire.ToArray()));
        Assert.Empty(reread.Bcc);
        var parsed = reread.From.Mailboxes.Single();
        Assert.Equal(("张伟  Bcc: x@evil.test", "2023001@school.test"), (parsed.Name, parsed.Address));
    }

    [Fact]
    public void Build_NoDisplayName_FromIsTheBareAddress()
    {
        var message = OutgoingMessageBuilder.Build("2023001@school.test", new OutgoingMessage("b@school.test", "", "", "s", "body", []),
            [MailboxAddress.Parse("b@school.test")], [], []);

        Assert.Equal("2023001@school.test", message.From.ToString());
    }

    [Fact]
    public void Build_ChineseAttachmentName_WrittenBothWaysForEveryMailProgram()
    {
        var message = OutgoingMessageBuilder.Build("a@school.test", new OutgoingMessage("b@school.test", "", "", "s", "body",
            [new OutgoingAttachment("实验报告 第三周.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [1, 2, 3])]),
            [MailboxAddress.Parse("b@school.test")], [], []);

        using var wire = new MemoryStream();
        message.WriteTo(wire);
        var headers = System.Text.Encoding.ASCII.GetString(wire.ToArray());

        // RFC 2047 in Content-Type's name (QQ Mail, Outlook), RFC 2231 in Content-Disposition's filename (the standard).
        Assert.Matches(@"Content-Type: application/vnd\.openxmlformats[^\r\n]*(\r?\n\s+)*[^\r\n]*name=""?=\?utf-8\?", headers);
        Assert.Matches(@"filename\*0?\*?=utf-8''", headers);
        var part = Assert.Single(message.Attachments);
        Assert.Equal("实验报告 第三周.docx", part.ContentType.Name);
        Assert.Equal("实验报告 第三周.docx", part.ContentDisposition!.FileName);
    }
}
