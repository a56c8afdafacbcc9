using WebMail.Server.Mail.Connections;

namespace WebMail.UnitTests;

public sealed class ServerReplyTests
{
    [Fact]
    public void Clean_QqAuthorizationCodeReply_KeptAsOneLine()
    {
        var reply = ServerReply.Clean("Please using authorized code to login.\r\n More information at http://service.mail.qq.com/", "s3cret");

        Assert.Equal("Please using authorized code to login. More information at http://service.mail.qq.com/", reply);
    }

    [Fact]
    public void Clean_ReplyEchoingThePassword_NotShown() =>
        Assert.Null(ServerReply.Clean("Login failed for password s3cret-Pa55", "s3cret-Pa55"));

    [Fact]
    public void Clean_VeryLongReply_CutShort()
    {
        var reply = ServerReply.Clean(new string('x', 5_000), "pw");

        Assert.Equal(ServerReply.MaxLength + 1, reply!.Length);
        Assert.EndsWith("…", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Authentication failed.")]
    [InlineData("The IMAP server replied to the 'LOGIN' command with a 'NO' response.")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Clean_NothingMoreThanWrongPassword_NotShown(string? reply) => Assert.Null(ServerReply.Clean(reply, "pw"));
}
