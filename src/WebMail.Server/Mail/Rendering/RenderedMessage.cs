using WebMail.Client.Services;

namespace WebMail.Server.Mail.Rendering;

/// <summary>What the cache keeps of an opened message: the view, its sanitized HTML, and the raw bytes (source, attachments).</summary>
public sealed record RenderedMessage(MessageView View, string? SafeHtml, byte[] Raw)
{
    /// <summary>Raw holds only the headers: the message is over Reading:MaxMessageBytes and stays on the server.</summary>
    public bool TooLarge { get; init; }

    /// <summary>Approximate memory held, for the cache's byte bounds (strings are UTF-16).</summary>
    public long Size { get; } = Raw.LongLength
        + 2L * ((SafeHtml?.Length ?? 0) + (View.InPageHtml?.Length ?? 0) + (View.TextBody?.Length ?? 0) + View.Subject.Length + View.To.Length + View.Cc.Length)
        + 512;
}
