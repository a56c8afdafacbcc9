using System.Text;
using MimeKit;

namespace WebMail.Testing;

/// <summary>Messages with one attachment of each kind the reader previews, and hostile ones among them.</summary>
public static class PreviewMessages
{
    public const string CsvFileName = "成绩单.csv";
    public const string TextFileName = "说明.txt";
    public const string PdfFileName = "课程表.pdf";
    public const string SvgFileName = "校徽.svg";
    public const string PngFileName = "photo.png";
    public const string WordFileName = "报告.docx";
    public const string WavFileName = "朗读.wav";
    public const string ChinesePdfText = "期末考试安排";

    /// <summary>Scores as Coremail and Excel in Chinese write them: GBK, no charset in the part, a comma per cell, a quoted cell with a comma.</summary>
    public const string CsvText = "姓名,学号,成绩\r\n张伟,2024001,95\r\n\"李, 娜\",2024002,88\r\n";

    public const string TextBody = "第一行：请于周五前提交。\nSecond line <b>not bold</b>.";

    /// <summary>A 1×1 red PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>Half a second of silence as a WAV file (PCM, 8 kHz, mono, 16 bit): something every browser plays.</summary>
    public static byte[] Wav()
    {
        const int sampleRate = 8000, samples = sampleRate / 2, dataBytes = samples * 2;
        using var wav = new MemoryStream();
        using var writer = new BinaryWriter(wav);
        writer.Write("RIFF"u8);
        writer.Write(36 + dataBytes);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1); // PCM
        writer.Write((short)1); // mono
        writer.Write(sampleRate);
        writer.Write(sampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(dataBytes);
        writer.Write(new byte[dataBytes]);
        writer.Flush();
        return wav.ToArray();
    }

    /// <summary>An SVG picture whose scripts would call <paramref name="scriptTarget"/> and mark the page if they ran.</summary>
    public static byte[] HostileSvg(string scriptTarget) => Encoding.UTF8.GetBytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"40\" onload=\"fetch('" + scriptTarget + "/svg-onload')\">" +
        "<rect width=\"40\" height=\"40\" fill=\"blue\"/><image href=\"" + scriptTarget + "/svg-image.png\" width=\"10\" height=\"10\"/>" +
        "<script>fetch('" + scriptTarget + "/svg-script'); parent.document.title = 'svg script ran';</script></svg>");

    /// <summary>Every kind at once: PDF (two Latin pages and one Chinese; with a script when <paramref name="scriptTarget"/> is given), PNG, SVG, CSV, text, a Word file that stays a download, and a WAV.</summary>
    public static MimeMessage All(string subject, string scriptTarget)
    {
        var body = new Multipart("mixed")
        {
            new TextPart("plain") { Text = "Attachments to preview." },
            Part("application", "pdf", PdfFileName, TestPdf.Build(["WebMail preview page one", "Page two"], ChinesePdfText, scriptTarget)),
            Part("image", "png", PngFileName, Png),
            // Sent as "application/octet-stream", as many mail programs do: the name says what it is.
            Part("application", "octet-stream", SvgFileName, HostileSvg(scriptTarget)),
            Part("text", "csv", CsvFileName, Encoding.GetEncoding("GB18030").GetBytes(CsvText)),
            Part("text", "plain", TextFileName, Encoding.UTF8.GetBytes(TextBody)),
            Part("application", "vnd.openxmlformats-officedocument.wordprocessingml.document", WordFileName, [0x50, 0x4B, 0x03, 0x04]),
            Part("audio", "wav", WavFileName, Wav()),
        };
        return new MimeMessage(
            [new MailboxAddress("Teacher", "teacher@school.test")], [new MailboxAddress("Student", "student@school.test")], subject, body)
        {
            Date = DateTimeOffset.Now,
        };
    }

    private static MimePart Part(string mediaType, string subtype, string fileName, byte[] content) => new(mediaType, subtype)
    {
        Content = new MimeContent(new MemoryStream(content)),
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
        ContentTransferEncoding = ContentEncoding.Base64,
        FileName = fileName,
    };
}
