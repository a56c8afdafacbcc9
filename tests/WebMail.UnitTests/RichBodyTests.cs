using System.Text;
using MimeKit;
using WebMail.Client.Services;
using WebMail.Server.Mail.Drafts;
using WebMail.Server.Mail.Rendering;
using WebMail.Server.Mail.Smtp;

namespace WebMail.UnitTests;

/// <summary>Rich-text mail as the builder writes it: multipart/alternative, cleaned HTML, pictures as cid: parts.</summary>
public sealed class RichBodyTests
{
    // A 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static MimeMessage Sent(OutgoingMessage outgoing)
    {
        var built = OutgoingMessageBuilder.Build("2023001@school.test", outgoing, [MailboxAddress.Parse("b@school.test")], [], []);
        using var wire = new MemoryStream();
        built.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, wire);
        return MimeMessage.Load(new MemoryStream(wire.ToArray()));
    }

    private static OutgoingMessage Rich(string html, params OutgoingAttachment[] attachments) =>
        new("b@school.test", "", "", "通知", "", attachments, Html: html);

    [Fact]
    public void RichText_IsAlternativeWithATextPartMadeFromTheHtml()
    {
        var message = Sent(Rich("<div><b>期末</b>考试安排</div><div><br></div><ul><li>周一</li><li>周二</li></ul><blockquote><div>原文</div></blockquote>"));

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        var text = Assert.IsType<TextPart>(alternative[0]);
        Assert.True(text.IsPlain);
        Assert.Equal("期末考试安排\n\n• 周一\n• 周二\n> 原文", text.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
        var html = Assert.IsType<TextPart>(alternative[1]);
        Assert.True(html.IsHtml);
        Assert.Contains("<b>期末</b>", html.Text);
        Assert.Equal("utf-8", html.ContentType.Charset, ignoreCase: true);
    }

    [Fact]
    public void RichText_LosesScriptAndHandlersPastedIn()
    {
        var message = Sent(Rich("<div onclick=\"steal()\">hi<script>alert(1)</script><form action=\"https://evil.test\"><input name=p></form>"
            + "<a href=\"javascript:alert(1)\">x</a><img src=\"x\" onerror=\"alert(1)\"></div>"));

        var html = message.HtmlBody;
        Assert.Contains("hi", html);
        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<input", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void UploadedPicture_IsARelatedPartTheHtmlShowsByCid_AndNotListedAsAttachment()
    {
        var message = Sent(Rich("<div>看图<img src=\"cid:pic1@webmail\" alt=\"图\"></div>",
            new OutgoingAttachment("截图.png", "image/png", Png, "pic1@webmail"),
            new OutgoingAttachment("unused.png", "image/png", Png, "gone@webmail"),
            new OutgoingAttachment("计划.pdf", "application/pdf", [1, 2, 3])));

        var mixed = Assert.IsType<Multipart>(message.Body);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        var related = Assert.IsType<MultipartRelated>(alternative[1]);
        var picture = Assert.IsType<MimePart>(Assert.Single(related, part => part is MimePart { IsAttachment: false } p && p.ContentType.MediaType == "image"));
        Assert.Equal("pic1@webmail", picture.ContentId);
        Assert.Contains("src=\"cid:pic1@webmail\"", message.HtmlBody);
        Assert.Equal(2, related.Count); // the picture the text no longer shows is not sent
        var file = Assert.IsType<MimePart>(mixed[1]);
        Assert.Equal("计划.pdf", file.FileName);

        var view = MessageRenderer.Render("1", Raw(message)).View;
        Assert.Equal(["计划.pdf"], view.Attachments.Select(a => a.FileName));
    }

    [Fact]
    public void DataUriPicture_BecomesACidPart_AndAMissingCidPictureIsDropped()
    {
        var data = "data:image/png;base64," + Convert.ToBase64String(Png);
        var message = Sent(Rich($"<p>a<img src=\"{data}\"><img src=\"cid:nowhere@x\"></p>"));

        var related = Assert.IsType<MultipartRelated>(Assert.IsType<MultipartAlternative>(message.Body)[1]);
        var picture = Assert.IsType<MimePart>(related[1]);
        using var decoded = new MemoryStream();
        picture.Content!.DecodeTo(decoded);
        Assert.Equal(Png, decoded.ToArray());
        Assert.Contains($"cid:{picture.ContentId}", message.HtmlBody);
        Assert.DoesNotContain("data:", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("nowhere", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainTextPart_KeepsLinkAddressesAndLineBreaks()
    {
        var message = Sent(Rich("<div>见<a href=\"https://jwc.school.test/exam\">教务处通知</a><br>第二行</div><ol><li>一</li><li>二</li></ol>"));

        Assert.Equal("见教务处通知 <https://jwc.school.test/exam>\n第二行\n1. 一\n2. 二",
            message.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
    }

    [Fact]
    public void RichDraft_OpensAgainWithItsHtmlAndPictures()
    {
        var draft = OutgoingMessageBuilder.BuildDraft("2023001@school.test",
            Rich("<div><i>草稿</i><img src=\"cid:pic1@webmail\"></div>", new OutgoingAttachment("a.png", "image/png", Png, "pic1@webmail")));

        var reopened = DraftReader.Read(MessageRenderer.Render("1", Raw(draft)));

        Assert.Contains("<i>草稿</i>", reopened.Html);
        Assert.Contains("cid:pic1@webmail", reopened.Html);
        var picture = Assert.Single(reopened.Attachments);
        Assert.Equal("pic1@webmail", picture.ContentId);
        Assert.Equal(Png, picture.Content);
        Assert.Equal("草稿", reopened.Body.Trim());
    }

    [Fact]
    public void SignatureSeparator_KeepsItsSpaceInTheTextPart()
    {
        var message = Sent(Rich("<div>正文</div><div><br></div><div>-- </div><div><b>张伟</b></div>"));

        Assert.Equal("正文\n\n-- \n张伟", message.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
    }

    [Fact]
    public void PlainText_HasNoHtmlPart()
    {
        var message = Sent(new OutgoingMessage("b@school.test", "", "", "s", "just text", []));

        Assert.IsType<TextPart>(message.Body);
        Assert.Null(message.HtmlBody);
    }

    [Fact]
    public void ForwardAsAttachment_IsAMessagePartNotBase64()
    {
        const string original = "From: bob@school.test\r\nTo: a@school.test\r\nSubject: =?utf-8?B?5pyf5pyr?=\r\nMessage-Id: <o1@school.test>\r\n\r\n原文正文\r\n";
        var rendered = MessageRenderer.Render("1", Encoding.UTF8.GetBytes(original));

        var forward = ReplyBuilder.Build(ComposeMode.ForwardAsAttachment, rendered, "a@school.test", "On {0}, {1} wrote:");
        var message = Sent(forward with { To = "c@school.test" });

        Assert.Equal("Fwd: 期末", forward.Subject);
        var attached = Assert.IsType<MessagePart>(Assert.IsType<Multipart>(message.Body)[1]);
        Assert.Equal("期末.eml", attached.ContentDisposition!.FileName);
        Assert.DoesNotContain(attached.Headers, header => header.Id == HeaderId.ContentTransferEncoding && header.Value.Contains("base64", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("o1@school.test", attached.Message!.MessageId);
        Assert.Contains("原文正文", attached.Message.TextBody);
    }

    [Fact]
    public void Reply_QuotesTheOriginalsHtmlToo()
    {
        const string original = "From: bob@school.test\r\nTo: a@school.test\r\nSubject: s\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p><b>粗体</b> text<script>x()</script></p>";
        var reply = ReplyBuilder.Build(ComposeMode.Reply, MessageRenderer.Render("1", Encoding.UTF8.GetBytes(original)), "a@school.test", "On {0}, {1} wrote:");

        Assert.Contains("<blockquote type=\"cite\"", reply.Html);
        Assert.Contains("<b>粗体</b>", reply.Html);
        Assert.DoesNotContain("script", reply.Html, StringComparison.Ordinal);
        Assert.Contains("bob@school.test wrote:", reply.Html);
    }

    private static byte[] Raw(MimeMessage message)
    {
        using var raw = new MemoryStream();
        message.WriteTo(raw);
        return raw.ToArray();
    }
}
