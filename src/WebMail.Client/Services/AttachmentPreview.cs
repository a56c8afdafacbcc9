namespace WebMail.Client.Services;

/// <summary>How an attachment can be shown without downloading it; <see cref="None"/> keeps it a download.</summary>
public enum AttachmentPreviewKind
{
    None,
    Image,
    Pdf,
    Text,
    Table,
    Audio,
    Video,
}

/// <summary>
/// Which attachments the reader previews, and as what, in one place: the reader offers Preview by it, and the
/// server serves a part for preview only when it says so, with the media type named here (never the sender's own
/// claim, so a file named .png and declared text/html is still never served as HTML). Mail programs often send
/// files as application/octet-stream, so the file name's extension decides when the declared type says nothing.
/// Office and WPS documents stay downloads; so do formats Chromium does not play (AMR voice notes, TIFF, HEIC).
/// </summary>
public static class AttachmentPreview
{
    /// <summary>Larger files are not previewed: the PDF preview carries the whole file in its page.</summary>
    public const long MaxBytes = 30L * 1024 * 1024;

    /// <summary>A text or table preview shows at most this much of the file.</summary>
    public const int MaxTextBytes = 512 * 1024;

    private static readonly Dictionary<string, (AttachmentPreviewKind Kind, string MediaType)> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = (AttachmentPreviewKind.Image, "image/png"),
        [".jpg"] = (AttachmentPreviewKind.Image, "image/jpeg"),
        [".jpeg"] = (AttachmentPreviewKind.Image, "image/jpeg"),
        [".gif"] = (AttachmentPreviewKind.Image, "image/gif"),
        [".webp"] = (AttachmentPreviewKind.Image, "image/webp"),
        [".bmp"] = (AttachmentPreviewKind.Image, "image/bmp"),
        [".avif"] = (AttachmentPreviewKind.Image, "image/avif"),
        // Shown only as an <img> (where SVG runs no script and loads nothing) or under a sandbox policy.
        [".svg"] = (AttachmentPreviewKind.Image, "image/svg+xml"),
        [".pdf"] = (AttachmentPreviewKind.Pdf, "application/pdf"),
        [".mp3"] = (AttachmentPreviewKind.Audio, "audio/mpeg"),
        [".m4a"] = (AttachmentPreviewKind.Audio, "audio/mp4"),
        [".aac"] = (AttachmentPreviewKind.Audio, "audio/aac"),
        [".wav"] = (AttachmentPreviewKind.Audio, "audio/wav"),
        [".ogg"] = (AttachmentPreviewKind.Audio, "audio/ogg"),
        [".oga"] = (AttachmentPreviewKind.Audio, "audio/ogg"),
        [".opus"] = (AttachmentPreviewKind.Audio, "audio/ogg"),
        [".flac"] = (AttachmentPreviewKind.Audio, "audio/flac"),
        [".weba"] = (AttachmentPreviewKind.Audio, "audio/webm"),
        [".mp4"] = (AttachmentPreviewKind.Video, "video/mp4"),
        [".m4v"] = (AttachmentPreviewKind.Video, "video/mp4"),
        [".webm"] = (AttachmentPreviewKind.Video, "video/webm"),
        [".ogv"] = (AttachmentPreviewKind.Video, "video/ogg"),
        [".csv"] = (AttachmentPreviewKind.Table, "text/csv"),
        [".tsv"] = (AttachmentPreviewKind.Table, "text/tab-separated-values"),
    };

    /// <summary>Plain text and source code: shown as text, never interpreted (an .html file shows its source).</summary>
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".text", ".log", ".md", ".markdown", ".json", ".xml", ".yaml", ".yml", ".ini", ".conf", ".cfg", ".toml",
        ".html", ".htm", ".css", ".js", ".ts", ".cs", ".java", ".py", ".c", ".h", ".cpp", ".hpp", ".cc", ".go", ".rs",
        ".rb", ".php", ".sql", ".sh", ".bat", ".ps1", ".tex", ".bib", ".m", ".r", ".kt", ".swift", ".vb", ".srt",
    };

    public static AttachmentPreviewKind KindOf(AttachmentInfo attachment) => Describe(attachment).Kind;

    /// <summary>The media type a preview is served as (null when the attachment is not previewed).</summary>
    public static string? MediaTypeOf(AttachmentInfo attachment) => Describe(attachment) is { Kind: not AttachmentPreviewKind.None } found ? found.MediaType : null;

    private static (AttachmentPreviewKind Kind, string MediaType) Describe(AttachmentInfo attachment)
    {
        if (attachment.Size > MaxBytes)
        {
            return (AttachmentPreviewKind.None, "");
        }

        var extension = Path.GetExtension(attachment.FileName);
        var declared = attachment.ContentType.Split(';')[0].Trim().ToLowerInvariant();
        if (ByExtension.TryGetValue(extension, out var known))
        {
            return known;
        }

        if (TextExtensions.Contains(extension) || declared == "text/plain")
        {
            return (AttachmentPreviewKind.Text, "text/plain");
        }

        if (extension.Length > 0)
        {
            return (AttachmentPreviewKind.None, ""); // an extension we do not preview: never shown as what it claims to be
        }

        // No extension at all: the declared type, where it names one of ours exactly.
        return ByExtension.Values.FirstOrDefault(v => v.MediaType == declared) is { Kind: not AttachmentPreviewKind.None } byType
            ? byType
            : (AttachmentPreviewKind.None, "");
    }
}
