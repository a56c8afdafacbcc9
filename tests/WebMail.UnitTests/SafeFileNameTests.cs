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
}
