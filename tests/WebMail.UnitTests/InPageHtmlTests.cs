using AngleSharp.Html.Parser;
using WebMail.Server.Mail.Rendering;

namespace WebMail.UnitTests;

/// <summary>
/// HTML bodies shown in the page without a frame (InPageHtml): only formatted text gets there, rebuilt by the
/// webmail; everything else keeps its sandboxed frame (docs/security.md).
/// </summary>
public sealed class InPageHtmlTests
{
    private static readonly string[] AllowedAttributes = ["href", "style", "dir", "lang", "align", "target", "rel"];

    [Fact]
    public void FormattedText_RebuiltWithItsStylesAndLinks()
    {
        var html = InPageHtml.From(
            "<div style=\"font-family: &quot;Microsoft YaHei&quot;, sans-serif\"><p style=\"margin: 0 0 1em; color: rgba(51, 51, 51, 1)\">" +
            "实验报告请使用<b>学校统一模板</b> &amp; <a href=\"https://jw.school.test/x?a=1&amp;b=2\" class=\"btn\">教务处</a></p>" +
            "<blockquote style=\"border-left: 2px solid #ccc; padding-left: 1ex\">原文<br>第二行</blockquote><ul><li>一</li></ul></div>");

        Assert.Equal(
            "<div style=\"font-family: &quot;Microsoft YaHei&quot;, sans-serif\"><p style=\"margin: 0 0 1em; color: rgba(51, 51, 51, 1)\">" +
            "实验报告请使用<b>学校统一模板</b> &amp; <a href=\"https://jw.school.test/x?a=1&amp;b=2\" target=\"_blank\" rel=\"noopener noreferrer\">教务处</a></p>" +
            "<blockquote style=\"border-left: 2px solid #ccc; padding-left: 1ex\">原文<br>第二行</blockquote><ul><li>一</li></ul></div>",
            html);
    }

    [Theory]
    [InlineData("<p>a picture <img src=\"data:image/png;base64,iVBORw0KGgo=\"></p>")]
    [InlineData("<table><tr><td>a table</td></tr></table>")]
    [InlineData("<style>p { color: red }</style><p>a style sheet</p>")]
    [InlineData("<p onclick=\"alert(1)\">a handler</p>")]
    [InlineData("<p style=\"position: fixed; top: 0\">placed over the page</p>")]
    [InlineData("<p style=\"width: 100vw; height: 100vh\">sized over the page</p>")]
    [InlineData("<p style=\"background-color: red; background-image: url(https://evil.invalid/x)\">a remote picture</p>")]
    [InlineData("<p style=\"color: var(--bs-body-bg)\">the page's own variables</p>")]
    [InlineData("<p style=\"color: red !important\">over the reader's rules</p>")]
    [InlineData("<p style=\"font-family: a\\62 c\">an escape</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">a script link</a>")]
    [InlineData("<a href=\"/mail/settings\">a link into the webmail</a>")]
    [InlineData("<svg><a href=\"https://school.test\">svg</a></svg>")]
    [InlineData("<math><mi>x</mi></math>")]
    [InlineData("<p id=\"reply\">an id of the page's</p>")]
    [InlineData("<details open><summary>more</summary>text</details>")]
    public void MoreThanFormattedText_KeepsItsFrame(string html)
    {
        Assert.Null(InPageHtml.From(html));
    }

    [Fact]
    public void TextThatLooksLikeMarkup_StaysText()
    {
        Assert.Equal("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;b&amp;gt;</p>", InPageHtml.From("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;b&amp;gt;</p>"));
    }

    [Fact]
    public void TooLargeOrTooDeep_KeepsItsFrame()
    {
        Assert.Null(InPageHtml.From("<p>" + new string('字', InPageHtml.MaxChars) + "</p>"));
        Assert.Null(InPageHtml.From(string.Concat(Enumerable.Repeat("<div>", 40)) + "deep"));
        Assert.NotNull(InPageHtml.From(string.Concat(Enumerable.Repeat("<div>", 20)) + "not so deep"));
    }

    [Fact]
    public void ClassesAreDropped_TheyWouldBorrowTheWebmailsStyleSheet()
    {
        Assert.Equal("<div>full screen?</div>", InPageHtml.From("<div class=\"position-fixed top-0 start-0 w-100 h-100\">full screen?</div>"));
    }

    /// <summary>Every message of the shared corpus, through the renderer: what goes in the page passes an independent check.</summary>
    [Theory]
    [MemberData(nameof(CorpusRenderingTests.Messages), MemberType = typeof(CorpusRenderingTests))]
    public void CorpusMessage_InPageHtml_IsOnlyAllowedMarkup_AndStableWhenRebuilt(string relativePath)
    {
        var rendered = MessageRenderer.Render("corpus", File.ReadAllBytes(Path.Combine(CorpusRenderingTests.Corpus, relativePath)));

        if (rendered.View.InPageHtml is { } html)
        {
            AssertOnlyAllowedMarkup(html);
            // Parsed again (as the browser will), it is the same tree: no markup that re-parses into something else.
            Assert.Equal(html, InPageHtml.From(html));
        }
    }

    private static void AssertOnlyAllowedMarkup(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.Head!.ChildNodes);
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, new[] { "img", "script", "style", "iframe", "svg", "math", "form", "input", "link", "meta", "table", "object", "embed" });
            Assert.All(element.Attributes, attribute => Assert.Contains(attribute.Name, AllowedAttributes));
            Assert.DoesNotContain("(", (element.GetAttribute("style") ?? "").Replace("rgb(", "").Replace("rgba(", "").Replace("hsl(", "").Replace("hsla(", ""));
            if (element.GetAttribute("href") is { } href)
            {
                Assert.Matches("^(https?|mailto):", href);
            }
        }
    }
}
