using System.Text;
using MimeKit;
using WebMail.Server.Mail.Rendering;

namespace WebMail.UnitTests;

public sealed class OversizedHeadersTests
{
    [Fact]
    public void Cut_OrdinaryMessage_ReturnsTheSameBytes()
    {
        var raw = Encoding.ASCII.GetBytes("From: a@school.test\r\nSubject: hi\r\n folded\r\n\r\nbody\r\n");

        var result = OversizedHeaders.Cut(raw, out var cut);

        Assert.Same(raw, result);
        Assert.False(cut);
    }

    [Fact]
    public void Cut_MegabyteHeaderInFoldedLines_CutToTheBoundAndTheRestKept()
    {
        var folded = string.Join("\r\n ", new string('a', 1024 * 1024).Chunk(70).Select(c => new string(c)));
        var raw = Encoding.ASCII.GetBytes($"From: a@school.test\r\nX-Long: {folded}\r\nSubject: after\r\n\r\nthe body\r\n");

        var result = OversizedHeaders.Cut(raw, out var cut);

        Assert.True(cut);
        var message = MimeMessage.Load(new MemoryStream(result));
        Assert.InRange(message.Headers["X-Long"]!.Length, 60 * 1024, OversizedHeaders.MaxFieldBytes);
        Assert.Equal("after", message.Subject);
        Assert.Equal("the body", message.TextBody!.Trim());
    }

    [Fact]
    public void Cut_MegabyteSingleLineHeader_CutWithItsLineEnding()
    {
        var raw = Encoding.ASCII.GetBytes($"X-Long: {new string('b', 1024 * 1024)}\r\nSubject: after\r\n\r\nbody\r\n");

        var message = MimeMessage.Load(new MemoryStream(OversizedHeaders.Cut(raw, out _)));

        Assert.Equal("after", message.Subject);
        Assert.True(message.Headers["X-Long"]!.Length < OversizedHeaders.MaxFieldBytes);
    }

    [Fact]
    public void Cut_LongHeaderOfAPart_CutAndTheLongBodyLineKept()
    {
        var longBody = new string('c', 200_000);
        var raw = Encoding.ASCII.GetBytes(
            "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n" +
            $"--b\r\nContent-Type: text/plain\r\nX-Part: {new string('d', 200_000)}\r\n\r\n{longBody}\r\n--b--\r\n");

        var message = MimeMessage.Load(new MemoryStream(OversizedHeaders.Cut(raw, out var cut)));

        Assert.True(cut);
        var part = Assert.IsType<TextPart>(Assert.Single((Multipart)message.Body!));
        Assert.Equal(longBody, part.Text.Trim());
    }
}
