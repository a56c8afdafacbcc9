using System.Text;
using MimeKit;
using WebMail.Server.Mail.Rendering;

namespace WebMail.UnitTests;

/// <summary>HTML and inline images built to exhaust the server while passing the size and depth checks (issue 15).</summary>
public sealed class HostileHtmlTests
{
    [Fact]
    public void ToPlainText_MegabytesOfLessThanSigns_ReturnsTheTextWithoutTimingOut()
    {
        var html = new string('<', 1_500_000) + "<p>after</p>";

        var text = HtmlText.ToPlainText(html);

        Assert.EndsWith("after", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPlainText_ThousandsOfUnclosedStyleOpeners_KeepsTheTextWithoutTimingOut()
    {
        var html = string.Concat(Enumerable.Repeat("<style>a{}", 50_000)) + "<p>你好</p>";

        var text = HtmlText.ToPlainText(html);

        Assert.EndsWith("你好", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>Hello</p><script>alert(1)</script><div>World &amp; all</div>", "Hello\n World & all")]
    [InlineData("<head><title>t</title></head><body>a<br>b<BR/>c</body>", "a\nb\nc")]
    [InlineData("<header>kept</header><p>x</p>\n\n\n\n\n<p>y</p>", "keptx\n\ny")]
    [InlineData("no tags at all", "no tags at all")]
    [InlineData("a < b and c > d", "a  d")]
    public void ToPlainText_OrdinaryHtml_ReadsAsBefore(string html, string expected) =>
        Assert.Equal(expected, HtmlText.ToPlainText(html));

    [Fact]
    public void Render_OneImageReferencedHundredsOfTimes_InlinesWithinTheBudget()
    {
        var image = new byte[1_500_000];
        Random.Shared.NextBytes(image);
        var html = string.Concat(Enumerable.Repeat("<img src=\"cid:big@x\">", 300)) + "<p>text</p>";
        var raw = MessageWithInlineImage(html, image, "big@x");

        var rendered = MessageRenderer.Render("amplified", raw);

        Assert.NotNull(rendered.SafeHtml);
        Assert.True(rendered.SafeHtml.Length < MessageRenderer.MaxInlinedChars + html.Length, $"{rendered.SafeHtml.Length} characters of HTML");
        Assert.Contains("text", rendered.SafeHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ImageReferencedAFewTimes_IsStillInlinedEachTime()
    {
        var image = new byte[10_000];
        var html = "<img src=\"cid:logo@x\"><p>middle</p><img src=\"cid:logo@x\">";

        var rendered = MessageRenderer.Render("logo", MessageWithInlineImage(html, image, "logo@x"));

        Assert.Equal(2, rendered.SafeHtml!.Split("data:image/png;base64,").Length - 1);
    }

    private static byte[] MessageWithInlineImage(string html, byte[] image, string contentId)
    {
        var body = new BodyBuilder { HtmlBody = html };
        var picture = body.LinkedResources.Add("picture.png", image, ContentType.Parse("image/png"));
        picture.ContentId = contentId;
        var message = new MimeMessage(
            [new MailboxAddress("", "a@school.test")], [new MailboxAddress("", "b@school.test")], "inline", body.ToMessageBody());
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
