using System.Text;
using WebMail.Client.Services;
using WebMail.Server.Mail.Rendering;
using WebMail.Server.Mail.Smtp;

namespace WebMail.UnitTests;

public sealed class ReplyBuilderTests
{
    private const string Original =
        "From: Bob Li <bob@school.test>\r\nTo: alice@school.test, Dan <dan@school.test>\r\nCc: carol@school.test\r\n" +
        "Subject: Re: RE: 回复: Lab schedule\r\nMessage-Id: <m2@school.test>\r\nReferences: <m1@school.test>\r\n" +
        "Date: Tue, 03 Mar 2026 10:00:00 +0800\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n" +
        "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nLine one\r\n> earlier quote\r\n" +
        "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=plan.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nAQID\r\n--b--\r\n";

    private static readonly RenderedMessage Rendered = MessageRenderer.Render("1.2", Encoding.UTF8.GetBytes(Original));

    [Fact]
    public void Reply_GoesToTheSenderWithOnePrefixQuoteAndThreadHeaders()
    {
        var reply = ReplyBuilder.Build(ComposeMode.Reply, Rendered, "alice@school.test", "On {0}, {1} wrote:");

        Assert.Equal("\"Bob Li\" <bob@school.test>", reply.To);
        Assert.Equal("", reply.Cc);
        Assert.Equal("Re: Lab schedule", reply.Subject);
        Assert.Equal("m2@school.test", reply.InReplyTo);
        Assert.Equal(["m1@school.test", "m2@school.test"], reply.References);
        Assert.Contains("Bob Li <bob@school.test> wrote:", reply.Body);
        Assert.Contains("> Line one", reply.Body);
        Assert.Contains(">> earlier quote", reply.Body);
        Assert.Empty(reply.Attachments);
    }

    [Fact]
    public void ReplyAll_CopiesEveryoneButTheUser()
    {
        var reply = ReplyBuilder.Build(ComposeMode.ReplyAll, Rendered, "Alice@School.test", "On {0}, {1} wrote:");

        Assert.Contains("bob@school.test", reply.To);
        Assert.Contains("dan@school.test", reply.Cc);
        Assert.Contains("carol@school.test", reply.Cc);
        Assert.DoesNotContain("alice@school.test", reply.To + reply.Cc, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Forward_CarriesTheAttachmentsAndNoRecipients()
    {
        var forward = ReplyBuilder.Build(ComposeMode.Forward, Rendered, "alice@school.test", "On {0}, {1} wrote:");

        Assert.Equal("", forward.To);
        Assert.Equal("Fwd: Re: RE: 回复: Lab schedule", forward.Subject);
        var attachment = Assert.Single(forward.Attachments);
        Assert.Equal("plan.pdf", attachment.FileName);
        Assert.Equal(new byte[] { 1, 2, 3 }, attachment.Content);
    }

    [Theory]
    [InlineData("Fwd: Fw: 转发: notes", "Fwd: notes")]
    [InlineData("notes", "Fwd: notes")]
    public void Forward_PrefixNeverStacks(string subject, string expected)
    {
        var raw = Encoding.UTF8.GetBytes($"From: b@school.test\r\nSubject: {subject}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nx\r\n");

        var forward = ReplyBuilder.Build(ComposeMode.Forward, MessageRenderer.Render("1", raw), "a@school.test", "{0} {1}");

        Assert.Equal(expected, forward.Subject);
    }
}
