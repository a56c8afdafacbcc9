using WebMail.Server.Mail.Rendering;

namespace WebMail.UnitTests;

public sealed class SafeFileNameTests
{
    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("课程表 2026.pdf", "课程表 2026.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Windows\\evil.exe", "evil.exe")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("line\r\nbreak.txt", "linebreak.txt")]
    [InlineData("...", "attachment-3")]
    [InlineData(null, "attachment-3")]
    public void From_AnyName_IsSafeToShowAndSave(string? name, string expected) =>
        Assert.Equal(expected, SafeFileName.From(name, 2));

    [Fact]
    public void From_LongNameWithAnExtensionLongerThanTheLimit_IsCutNotACrash()
    {
        var name = "x." + new string('a', 500);

        var safe = SafeFileName.From(name, 0);

        Assert.Equal(200, safe.Length);
        Assert.StartsWith("x.aaa", safe, StringComparison.Ordinal);
    }

    [Fact]
    public void From_LongNameWithAShortExtension_KeepsTheExtension()
    {
        var safe = SafeFileName.From(new string('名', 300) + ".pdf", 0);

        Assert.Equal(200, safe.Length);
        Assert.EndsWith("名.pdf", safe, StringComparison.Ordinal);
    }

    [Fact]
    public void Distinct_SameNameTwice_NumberedAsFileManagersDo_CaseIgnored()
    {
        Assert.Equal(["报告.pdf", "报告 (2).pdf", "REPORT.pdf", "report (2).pdf", "报告 (3).pdf"],
            SafeFileName.Distinct(["报告.pdf", "报告.pdf", "REPORT.pdf", "report.pdf", "报告.pdf"]));
    }

    [Fact]
    public void ForMessage_TheSubjectAsAFileName_SlashesNotFolders_NoSubjectIsMessage()
    {
        Assert.Equal("第三周_实验材料.eml", SafeFileName.ForMessage("第三周/实验材料"));
        Assert.Equal("message.eml", SafeFileName.ForMessage("  "));
    }
}
