using System.Text;
using MimeKit;
using WebMail.Server.Mail.Rendering;

namespace WebMail.UnitTests;

public sealed class MessageDateTests
{
    private const string Received =
        "Received: from mx.school.test by mail.school.test with ESMTPS id 4AbC; Tue, 1 Dec 2026 09:30:00 +0800\r\n"
        + "Received: from [10.0.0.5] by mx.school.test; Tue, 1 Dec 2026 09:29:58 +0800\r\n";

    [Fact]
    public void DateHeader_IsTheDate()
    {
        var headers = Headers(Received + "Date: Mon, 30 Nov 2026 18:00:00 +0800\r\n");

        Assert.Equal(DateTimeOffset.Parse("2026-11-30T18:00:00+08:00"), MessageDate.Of(headers));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Date: 星期二\r\n")]
    public void NoReadableDateHeader_TheNewestReceivedLineDatesIt(string date)
    {
        var headers = Headers(Received + date);

        Assert.Equal(DateTimeOffset.Parse("2026-12-01T09:30:00+08:00"), MessageDate.Of(headers));
    }

    [Fact]
    public void ReceivedLinesWithoutATime_AreSkipped()
    {
        var headers = Headers("Received: from nowhere\r\nReceived: garbled; not a time\r\n" + Received);

        Assert.Equal(DateTimeOffset.Parse("2026-12-01T09:30:00+08:00"), MessageDate.Of(headers));
    }

    [Fact]
    public void NothingSaysATime_IsUnknown()
    {
        Assert.Equal(DateTimeOffset.MinValue, MessageDate.Of(Headers("")));
    }

    [Fact]
    public void TheReader_DatesAMessageWithoutDateHeaderByItsReceivedLine_NotTheYearOne()
    {
        var raw = Encoding.UTF8.GetBytes(Received + "From: a@school.test\r\nSubject: 无日期\r\n\r\ntext\r\n");

        var rendered = MessageRenderer.Render("1", raw);

        Assert.Equal(DateTimeOffset.Parse("2026-12-01T09:30:00+08:00"), rendered.View.Date);
    }

    private static HeaderList Headers(string lines) =>
        MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(lines + "From: a@school.test\r\nSubject: s\r\n\r\nbody\r\n"))).Headers;
}
