namespace WebMail.Server.Mail.Rendering;

/// <summary>
/// What the reading pane offers as attachments, and how large they are, in one place: for a message parsed here
/// (<see cref="MessageRenderer"/>) and for one too large to parse, described by the IMAP server's BODYSTRUCTURE.
/// </summary>
internal static class AttachmentRules
{
    /// <summary>
    /// The parts marked as attachments, and also named non-text parts with no disposition at all, which some mail
    /// programs send files as. Inline images carry a Content-ID and stay in the body.
    /// </summary>
    public static bool IsOffered(bool markedAttachment, bool hasDisposition, string? contentId, string? fileName, string mediaType) =>
        markedAttachment
        || !hasDisposition && string.IsNullOrEmpty(contentId) && !string.IsNullOrEmpty(fileName)
            && !mediaType.Equals("text", StringComparison.OrdinalIgnoreCase);

    /// <summary>The decoded size of a part's content from its encoded length: base64 carries 3 bytes in 4 characters (plus line breaks).</summary>
    public static long DecodedSize(long encodedLength, bool base64) => base64 ? encodedLength * 3 / 4 * 76 / 78 : encodedLength;
}
