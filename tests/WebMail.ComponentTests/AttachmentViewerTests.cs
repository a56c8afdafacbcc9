using Bunit;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.ComponentTests;

/// <summary>The reader's attachment preview (issue 22): offered for what can be shown, each kind shown its own way, Esc back.</summary>
public sealed class AttachmentViewerTests : ComponentTest
{
    private static readonly AttachmentInfo Pdf = new(0, "课程表.pdf", "application/pdf", 2000);
    private static readonly AttachmentInfo Photo = new(1, "photo.png", "image/png", 70);
    private static readonly AttachmentInfo Word = new(2, "报告.docx", "application/octet-stream", 6);
    private static readonly AttachmentInfo Scores = new(3, "成绩单.csv", "text/csv", 50);
    private static readonly AttachmentInfo Notes = new(4, "说明.txt", "text/plain", 50);

    private readonly RecordingMailbox _mailbox = new() { Attachments = [Pdf, Photo, Word, Scores, Notes] };

    public AttachmentViewerTests()
    {
        Services.AddSingleton<IMailboxService>(_mailbox);
        Services.AddSingleton<IUserSettingsService>(new FakeUserSettings());
        Services.AddScoped<Notifications>();
        GoLive();
    }

    [Fact]
    public void Reader_OffersPreview_OnlyForWhatCanBeShown()
    {
        var reader = RenderReader();

        var offered = reader.FindAll("#attachments li").Where(li => li.QuerySelector("button.preview-attachment") is not null)
            .Select(li => li.QuerySelector("a")!.GetAttribute("title"));

        Assert.Equal(["课程表.pdf", "photo.png", "成绩单.csv", "说明.txt"], offered);
    }

    [Fact]
    public void PdfThenNext_ThePdfFrameSandboxed_ThenThePicture_ThenEscBackToTheBody()
    {
        var reader = RenderReader();

        reader.FindAll("button.preview-attachment")[0].Click();

        var frame = reader.Find("#preview-pdf");
        Assert.Equal("allow-scripts", frame.GetAttribute("sandbox")); // scripts, but no origin
        Assert.Equal("mail/messages/m2/attachments/0/pdf", frame.GetAttribute("src"));
        Assert.Empty(reader.FindAll(".message-text"));
        Assert.True(reader.Find("#preview-previous").HasAttribute("disabled"));

        reader.Find("#preview-next").Click();

        Assert.Equal("mail/messages/m2/attachments/1/preview", reader.Find("#preview-image").GetAttribute("src"));
        Assert.Equal("photo.png", reader.Find("#preview-image").GetAttribute("alt"));

        reader.Find("#attachment-viewer").KeyDown("Escape");

        Assert.Empty(reader.FindAll("#attachment-viewer"));
        Assert.Equal("正文", reader.Find(".message-text").TextContent.Trim());
    }

    [Fact]
    public void Csv_ShownAsATable_TheFirstRowAsHeadings()
    {
        _mailbox.AttachmentTexts[("m2", 3)] = new AttachmentText("姓名,成绩\r\n\"李, 娜\",88\r\n", Cut: false);
        var reader = RenderReader();

        reader.FindAll("button.preview-attachment")[2].Click();

        reader.WaitForAssertion(() => Assert.Equal(["姓名", "成绩"], reader.FindAll("#preview-table th").Select(th => th.TextContent)));
        Assert.Equal(["李, 娜", "88"], reader.FindAll("#preview-table td").Select(td => td.TextContent));
        Assert.Empty(reader.FindAll("#preview-cut"));
    }

    [Fact]
    public void LongText_ShownAsText_SaysOnlyTheStartIsShown()
    {
        _mailbox.AttachmentTexts[("m2", 4)] = new AttachmentText("<b>第一行</b>", Cut: true);
        var reader = RenderReader();

        reader.FindAll("button.preview-attachment")[3].Click();

        reader.WaitForAssertion(() => Assert.Equal("<b>第一行</b>", reader.Find("#preview-text").TextContent));
        Assert.Empty(reader.FindAll("#preview-text b")); // text, never markup
        Assert.Contains("Only the start", reader.Find("#preview-cut").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TextGone_TheProblemShown_WithRetry()
    {
        var reader = RenderReader();

        reader.FindAll("button.preview-attachment")[3].Click(); // nothing recorded for it: MessageNotFound

        reader.WaitForAssertion(() => Assert.Equal("MessageNotFound", reader.Find("#mail-problem").GetAttribute("data-problem")));
        Assert.Contains("Try again", reader.Find("#mail-problem button").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<MessageReader> RenderReader()
    {
        var reader = Render<MessageReader>(parameters => parameters.Add(r => r.Id, "m2").Add(r => r.InPane, true)
            .Add(r => r.FromList, new ListContext(MailboxFeatures.Imap, RecordingMailbox.TwoFolders, RecordingMailbox.ThreeMessages)));
        reader.WaitForElement("#attachments");
        return reader;
    }
}
