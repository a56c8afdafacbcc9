using Microsoft.Playwright;

namespace WebMail.BrowserTests.Pages;

/// <summary>The reader's attachment preview (Shared/AttachmentViewer) and the Preview buttons that open it.</summary>
public sealed class AttachmentViewerPane(IPage page)
{
    public static AttachmentViewerPane Of(IPage page) => new(page);

    /// <summary>The Preview button beside the attachment named <paramref name="fileName"/> (absent when it is download only).</summary>
    public ILocator PreviewButton(string fileName) =>
        page.Locator("#attachments li").Filter(new() { Has = page.Locator($"a[title='{fileName}']") }).Locator("button.preview-attachment");

    /// <summary>The download link of the attachment named <paramref name="fileName"/>.</summary>
    public ILocator DownloadLink(string fileName) => page.Locator($"#attachments a[title='{fileName}']");

    public ILocator Viewer => page.Locator("#attachment-viewer");

    public ILocator Title => page.Locator("#attachment-viewer-title");

    public ILocator Next => page.Locator("#preview-next");

    public ILocator Close => page.Locator("#preview-close");

    public ILocator Image => page.Locator("#preview-image");

    public ILocator Table => page.Locator("#preview-table");

    public ILocator Audio => page.Locator("#preview-audio");

    public ILocator Text => page.Locator("#preview-text");

    public ILocator PdfFrame => page.Locator("#preview-pdf");

    /// <summary>The PDF preview's page: its body says how many pages were drawn (data-drawn), or "failed".</summary>
    public IFrameLocator Pdf => page.FrameLocator("#preview-pdf");
}
