using System.Text;
using WebMail.Client.Services;
using WebMail.Client.Shared;
using WebMail.Server.Mail.Rendering;

namespace WebMail.UnitTests;

/// <summary>Which attachments are previewed and as what; CSV cells; text in the charsets Chinese schools' files come in.</summary>
public sealed class AttachmentPreviewTests
{
    static AttachmentPreviewTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // as the app does at start

    [Theory]
    [InlineData("课程表.pdf", "application/octet-stream", AttachmentPreviewKind.Pdf, "application/pdf")]
    [InlineData("photo.JPG", "image/jpeg", AttachmentPreviewKind.Image, "image/jpeg")]
    [InlineData("校徽.svg", "application/octet-stream", AttachmentPreviewKind.Image, "image/svg+xml")]
    [InlineData("成绩单.csv", "text/csv", AttachmentPreviewKind.Table, "text/csv")]
    [InlineData("Program.cs", "application/octet-stream", AttachmentPreviewKind.Text, "text/plain")]
    [InlineData("page.html", "text/html", AttachmentPreviewKind.Text, "text/plain")] // its source, never the page
    [InlineData("readme", "text/plain", AttachmentPreviewKind.Text, "text/plain")]
    [InlineData("voice.mp3", "audio/mpeg", AttachmentPreviewKind.Audio, "audio/mpeg")]
    [InlineData("lecture.mp4", "video/mp4", AttachmentPreviewKind.Video, "video/mp4")]
    [InlineData("scan", "application/pdf", AttachmentPreviewKind.Pdf, "application/pdf")] // no extension: the declared type
    public void KindOf_PreviewedFiles_ByNameElseDeclaredType(string name, string declared, AttachmentPreviewKind kind, string servedAs)
    {
        var attachment = new AttachmentInfo(0, name, declared, 1000);

        Assert.Equal(kind, AttachmentPreview.KindOf(attachment));
        Assert.Equal(servedAs, AttachmentPreview.MediaTypeOf(attachment));
    }

    [Theory]
    [InlineData("报告.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("报告.wps", "application/octet-stream")]
    [InlineData("voice.amr", "audio/amr")]
    [InlineData("page", "text/html")] // declared HTML without a name: a download
    [InlineData("fake.exe", "image/png")] // the name wins: an .exe is never shown as a picture
    public void KindOf_OfficeUnplayableAndUnnamedHtml_StayDownloads(string name, string declared)
    {
        var attachment = new AttachmentInfo(0, name, declared, 1000);

        Assert.Equal(AttachmentPreviewKind.None, AttachmentPreview.KindOf(attachment));
        Assert.Null(AttachmentPreview.MediaTypeOf(attachment));
    }

    [Fact]
    public void KindOf_LargerThanAPreviewTakes_IsADownload() =>
        Assert.Equal(AttachmentPreviewKind.None, AttachmentPreview.KindOf(new AttachmentInfo(0, "a.pdf", "application/pdf", AttachmentPreview.MaxBytes + 1)));

    [Fact]
    public void Parse_QuotedCellsWithSeparatorsQuotesAndLineBreaks_AreOneCell()
    {
        var rows = DelimitedText.Parse("姓名,备注\r\n\"李, 娜\",\"说 \"\"好\"\"\n第二行\"\r\n张伟,\n", ',', 100);

        Assert.Equal(3, rows.Count);
        Assert.Equal(["李, 娜", "说 \"好\"\n第二行"], rows[1]);
        Assert.Equal(["张伟", ""], rows[2]);
    }

    [Fact]
    public void Parse_StopsAtMaxRows() => Assert.Equal(2, DelimitedText.Parse("a\nb\nc\nd\n", ',', 2).Count);

    [Theory]
    [InlineData("a.csv", "姓名;学号;成绩\r\n", ';')] // a spreadsheet in a decimal-comma language
    [InlineData("a.csv", "姓名,学号,成绩\r\n", ',')]
    [InlineData("a.tsv", "a,b\tc", '\t')]
    public void SeparatorOf_TheFilesOwn(string name, string text, char expected) => Assert.Equal(expected, DelimitedText.SeparatorOf(name, text));

    [Fact]
    public void Decode_GbkWithoutCharset_ReadsAsChinese() =>
        Assert.Equal("姓名,成绩", AttachmentTextDecoder.Decode(Encoding.GetEncoding("GB18030").GetBytes("姓名,成绩"), charset: null, cut: false));

    [Fact]
    public void Decode_Utf8WithoutCharset_ReadsAsUtf8() =>
        Assert.Equal("第一行 — ok", AttachmentTextDecoder.Decode(Encoding.UTF8.GetBytes("第一行 — ok"), charset: null, cut: false));

    [Fact]
    public void Decode_DeclaredGb2312_ReadsTheGbkCharactersBeyondIt() =>
        Assert.Equal("镕", AttachmentTextDecoder.Decode(Encoding.GetEncoding("GB18030").GetBytes("镕"), "gb2312", cut: false));

    [Fact]
    public void Decode_Utf8CutInsideACharacter_StaysUtf8_WithoutTheBrokenEnd()
    {
        var bytes = Encoding.UTF8.GetBytes("第一行第二行");
        var cut = bytes[..^1]; // the last character's third byte missing

        Assert.Equal("第一行第二", AttachmentTextDecoder.Decode(cut, charset: null, cut: true));
    }

    [Fact]
    public void Decode_Utf16WithByteOrderMark_Reads() =>
        Assert.Equal("说明", AttachmentTextDecoder.Decode([.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes("说明")], charset: null, cut: false));
}
