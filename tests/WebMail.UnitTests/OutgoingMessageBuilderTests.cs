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
}
