using WebMail.Server.Mail.Imap;

namespace WebMail.UnitTests;

public sealed class ImapMessageIdTests
{
    [Theory]
    [InlineData("INBOX", "7.42")]
    [InlineData("Archive", null)]
    [InlineData("课程/物理 2026", null)]
    [InlineData("a.b.c", null)]
    public void Format_ThenParse_GivesTheSameIdAndIsUrlSafe(string folder, string? expected)
    {
        var id = new ImapMessageId(folder, 7, 42);

        var text = id.ToString();

        Assert.True(ImapMessageId.TryParse(text, out var parsed));
        Assert.Equal(id, parsed);
        Assert.Matches("^[0-9]+\\.[0-9]+(\\.[A-Za-z0-9_-]+)?$", text);
        if (expected is not null)
        {
            Assert.Equal(expected, text);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("7.0")]
    [InlineData("x.1")]
    [InlineData("7.1.%%%")]
    [InlineData("7.1.QQ.x")]
    [InlineData("-7.1")]
    public void Parse_Garbage_IsRefused(string text) => Assert.False(ImapMessageId.TryParse(text, out _));
}
