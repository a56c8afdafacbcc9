namespace WebMail.Client.Services;

/// <summary>A text attachment decoded for its preview.</summary>
/// <param name="Cut">Whether the file is longer than <see cref="AttachmentPreview.MaxTextBytes"/> and only its start is here.</param>
public sealed record AttachmentText(string Text, bool Cut);
