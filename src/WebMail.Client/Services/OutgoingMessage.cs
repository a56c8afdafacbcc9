namespace WebMail.Client.Services;

/// <summary>
/// What the compose form sends. Address fields are as typed: comma or semicolon separated. A rich-text message has
/// <see cref="Html"/> (as the editor wrote it: the server cleans it and makes the text part from it) and its pictures
/// among the attachments with a <see cref="OutgoingAttachment.ContentId"/>; <see cref="Body"/> is then only what the
/// editor shows as text.
/// </summary>
public sealed record OutgoingMessage(
    string To,
    string Cc,
    string Bcc,
    string Subject,
    string Body,
    IReadOnlyList<OutgoingAttachment> Attachments,
    string? InReplyTo = null,
    IReadOnlyList<string>? References = null,
    string? RepliedToId = null,
    string? From = null,
    string? Html = null)
{
    /// <summary>The files the user attached, not the pictures inside a rich-text message.</summary>
    public IEnumerable<OutgoingAttachment> Files => Attachments.Where(a => a.ContentId is null);
}

/// <summary>
/// A file the user picked, already uploaded to the server (it never leaves the circuit's memory otherwise); with a
/// <paramref name="ContentId"/>, a picture shown inside the rich text (<c>cid:</c>), not listed as an attachment.
/// </summary>
public sealed record OutgoingAttachment(string FileName, string ContentType, byte[] Content, string? ContentId = null)
{
    /// <summary>
    /// The picture types rich text may carry (the editor takes no others; the server sends no others as parts):
    /// what every mail program shows, and never SVG, which can hold script. rich-editor.js has the same list.
    /// </summary>
    public static IReadOnlyList<string> PictureTypes { get; } = ["image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp"];
}
