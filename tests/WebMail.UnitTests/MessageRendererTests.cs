using System.Text;
using WebMail.Server.Mail.Rendering;

namespace WebMail.UnitTests;

public sealed class MessageRendererTests
{
    [Fact]
    public void Render_HtmlNested100000Deep_FallsBackToTextWithoutParsing()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 100_000)) + "deep text" + string.Concat(Enumerable.Repeat("</div>", 100_000));
        var raw = Encoding.UTF8.GetBytes($"From: a@b.c\r\nSubject: deep\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");

        var rendered = MessageRenderer.Render("deep", raw);

        Assert.Null(rendered.SafeHtml);
        Assert.True(rendered.View.DecodingProblems);
        Assert.Contains("deep text", rendered.View.TextBody);
    }

    [Fact]
    public void Render_NamedPartWithoutDisposition_IsOfferedAsAnAttachment_ButNotAnInlineImageOrTheBody()
    {
        // Some mail programs send a file as a named part with no Content-Disposition; an unterminated multipart too.
        var raw = Encoding.UTF8.GetBytes(
            "From: a@b.c\r\nSubject: report\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\n" +
            "--XYZ\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee the report.\r\n" +
            "--XYZ\r\nContent-Type: image/png\r\nContent-ID: <logo@b.c>\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n" +
            "--XYZ\r\nContent-Type: application/pdf; name=\"=?utf-8?B?5oql5ZGK?=.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0x\r\n");

        var rendered = MessageRenderer.Render("report", raw);

        var attachment = Assert.Single(rendered.View.Attachments);
        Assert.Equal("报告.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType);
        var (fileName, content) = MessageRenderer.Attachment(raw, 0)!.Value;
        Assert.Equal("报告.pdf", fileName);
        Assert.Equal("%PDF-1", Encoding.ASCII.GetString(content));
        Assert.Contains("See the report.", rendered.View.TextBody);
    }

    [Fact]
    public void Render_NotAMessageAtAll_ShowsTheBytesAsText()
    {
        var rendered = MessageRenderer.Render("junk", Encoding.UTF8.GetBytes("just some words, no headers"));

        Assert.Contains("just some words", rendered.View.TextBody);
    }

    [Fact]
    public void Render_MissingBoundary_ShowsWhatItCan()
    {
        var raw = Encoding.UTF8.GetBytes("From: a@b.c\r\nSubject: broken\r\nContent-Type: multipart/mixed\r\n\r\nbody without any boundary\r\n");

        var rendered = MessageRenderer.Render("broken", raw);

        Assert.Equal("broken", rendered.View.Subject);
    }

    [Fact]
    public void Render_UnknownCharset_DoesNotThrow()
    {
        var raw = Encoding.UTF8.GetBytes("From: a@b.c\r\nSubject: =?x-unknown?B?5L2g5aW9?=\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\nhello\r\n");

        var rendered = MessageRenderer.Render("charset", raw);

        Assert.Contains("hello", rendered.View.TextBody);
    }

    [Fact]
    public void Render_HostileHtml_KeepsNoScriptFormOrPositioning()
    {
        const string html = "<p onclick=\"x()\">hi</p><script>alert(1)</script><form action=\"https://evil\"><input name=p></form>" +
            "<div style=\"position:fixed;top:0\">overlay</div><a href=\"javascript:alert(1)\">js</a><a href=\"https://ok.example/\">ok</a>";
        var raw = Encoding.UTF8.GetBytes($"From: a@b.c\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");

        var safe = MessageRenderer.Render("hostile", raw).SafeHtml!;

        Assert.DoesNotContain("onclick", safe);
        Assert.DoesNotContain("<script", safe);
        Assert.DoesNotContain("<form", safe);
        Assert.DoesNotContain("<input", safe);
        Assert.DoesNotContain("position", safe);
        Assert.DoesNotContain("javascript:", safe);
        Assert.Contains("href=\"https://ok.example/\" target=\"_blank\" rel=\"noopener noreferrer\"", safe);
    }

    [Theory]
    [InlineData("<base href=\"https://evil.example/\"><a href=\"relative\">x</a>", "relative")]
    [InlineData("<a href=\"/mail/messages/1/attachments/0\">x</a>", "/mail/")]
    [InlineData("<img src=\"//evil.example/p.gif\">", "evil.example")]
    [InlineData("<a href=\"#top\">x</a>", "#top")]
    public void Render_RelativeUrls_AreDropped(string html, string mustNotAppear)
    {
        var raw = Encoding.UTF8.GetBytes($"From: a@b.c\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");

        var safe = MessageRenderer.Render("relative", raw).SafeHtml!;

        Assert.DoesNotContain(mustNotAppear, safe);
        Assert.DoesNotContain("<base", safe);
    }
}
