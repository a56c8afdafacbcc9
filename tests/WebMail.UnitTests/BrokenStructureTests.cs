using System.Text;
using WebMail.Server.Mail.Rendering;

namespace WebMail.UnitTests;

/// <summary>Broken MIME structure: every part that can be decoded is shown, with a notice for what cannot.</summary>
public sealed class BrokenStructureTests
{
    [Fact]
    public void Render_TextAfterACorruptBase64Text_BothReadableTextsShownWithNotice()
    {
        var view = Render(Mixed(
            "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!####$$$$ not base64\r\n",
            "Content-Type: text/plain\r\n\r\nsecond part\r\n"));

        Assert.Contains("second part", view.TextBody);
        Assert.True(view.DecodingProblems);
    }

    [Fact]
    public void Render_TextAfterACorruptBinaryPart_Shown()
    {
        var view = Render(Mixed(
            "Content-Type: text/plain\r\n\r\nfirst part\r\n",
            "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%%not base64====\r\n",
            "Content-Type: text/plain\r\n\r\nsecond part\r\n"));

        Assert.Contains("first part", view.TextBody);
        Assert.Contains("second part", view.TextBody);
    }

    [Fact]
    public void Render_NestedPartReusingTheParentsBoundary_PartsAfterItShown()
    {
        var view = Render("Subject: reused\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n" +
            "--b\r\nContent-Type: multipart/alternative; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\ninner text\r\n--b--\r\n" +
            "--b\r\nContent-Type: text/plain\r\n\r\nafter inner\r\n--b--\r\n");

        Assert.Contains("inner text", view.TextBody);
        Assert.Contains("after inner", view.TextBody);
    }

    [Fact]
    public void Render_MissingClosingBoundary_TheTruncatedLastPartShown()
    {
        var view = Render("Subject: cut\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n" +
            "--b\r\nContent-Type: text/plain\r\n\r\nfirst\r\n--b\r\nContent-Type: text/plain\r\n\r\ncut off here");

        Assert.Contains("first", view.TextBody);
        Assert.Contains("cut off here", view.TextBody);
    }

    [Fact]
    public void Render_MultipartWithoutBoundary_ItsBodyShownAsTextWithNotice()
    {
        var view = Render("Subject: no boundary\r\nContent-Type: multipart/mixed\r\n\r\nthe only text there is\r\n");

        Assert.Contains("the only text there is", view.TextBody);
        Assert.True(view.DecodingProblems);
    }

    [Fact]
    public void Render_NestedDeeperThanTheParserFollows_SaysSoInsteadOfNoText()
    {
        var raw = new StringBuilder("Subject: deep\r\nContent-Type: multipart/mixed; boundary=\"top\"\r\n\r\n--top\r\nContent-Type: text/plain\r\n\r\nreadable at the top\r\n--top\r\n");
        for (var i = 0; i < 1100; i++)
        {
            raw.Append($"Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n");
        }

        raw.Append("Content-Type: text/plain\r\n\r\ndeep text\r\n");
        for (var i = 1099; i >= 0; i--)
        {
            raw.Append($"--b{i}--\r\n");
        }

        raw.Append("--top--\r\n");

        var view = Render(raw.ToString());

        Assert.True(view.TooDeeplyNested);
        Assert.Contains("readable at the top", view.TextBody);
    }

    [Fact]
    public void Render_AlternativeWithPlainAndHtml_TextIsThePlainFormOnce()
    {
        var view = Render("Subject: ok\r\nContent-Type: multipart/alternative; boundary=\"a\"\r\n\r\n" +
            "--a\r\nContent-Type: text/plain\r\n\r\nplain form\r\n--a\r\nContent-Type: text/html\r\n\r\n<p>html form</p>\r\n--a--\r\n");

        Assert.Equal("plain form", view.TextBody?.Trim());
        Assert.True(view.HasHtmlBody);
        Assert.False(view.DecodingProblems);
        Assert.False(view.TooDeeplyNested);
    }

    private static WebMail.Client.Services.MessageView Render(string raw) => MessageRenderer.Render("1", Encoding.UTF8.GetBytes(raw)).View;

    private static string Mixed(params string[] parts) =>
        "Subject: broken\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n" + string.Concat(parts.Select(p => "--b\r\n" + p)) + "--b--\r\n";
}
