namespace WebMail.Client.Services;

/// <param name="Index">Position among the message's attachments; names the download.</param>
/// <param name="FileName">Already made safe to show and save (no path parts, control or bidi characters).</param>
public sealed record AttachmentInfo(int Index, string FileName, string ContentType, long Size);
