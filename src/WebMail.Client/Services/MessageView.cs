namespace WebMail.Client.Services;

/// <summary>
/// A decoded message ready to show. Its HTML body, sanitized, is shown in a sandboxed frame (Shared/BodyFrame), or in
/// the page when it is only formatted text (<see cref="InPageHtml"/>).
/// </summary>
/// <param name="TextBody">The plain-text body (or the HTML body's text when there is no plain part), null when there is none.</param>
/// <param name="HasHtmlBody">An HTML body is available (at the message's body URL, and in <see cref="SafeHtml"/>).</param>
/// <param name="HasRemoteContent">The HTML refers to remote images, styles or fonts, which are blocked unless the user allows them.</param>
/// <param name="DecodingProblems">Parts that could not be shown (broken MIME, unknown charset, oversized HTML), for a notice.</param>
public sealed record MessageView(
    string Id,
    string FromName,
    string FromAddress,
    string To,
    string Cc,
    string Subject,
    DateTimeOffset Date,
    string? TextBody,
    bool HasHtmlBody,
    bool HasRemoteContent,
    IReadOnlyList<AttachmentInfo> Attachments,
    bool DecodingProblems)
{
    /// <summary>
    /// The message's size when it is too large to open here: only its headers are shown, and the original can be
    /// downloaded. Null for a message opened whole.
    /// </summary>
    public long? TooLargeBytes { get; init; }

    /// <summary>MIME parts are nested deeper than the parser follows: what lies deeper is not shown.</summary>
    public bool TooDeeplyNested { get; init; }

    /// <summary>
    /// Where the sender asked for a read receipt (Disposition-Notification-To, RFC 8098): the reader asks the user,
    /// and sends one only if they agree. Null when none was asked for.
    /// </summary>
    public string? ReceiptTo { get; init; }

    /// <summary>
    /// The sanitized HTML body (the string the session's cache holds, not a copy), so the reader can hand a small one to
    /// its frame with the view (<see cref="Shared.BodyFrame.InlineDocument"/>); null when there is none.
    /// </summary>
    public string? SafeHtml { get; init; }

    /// <summary>
    /// The HTML body rebuilt for the page itself when it is only formatted text (the server's <c>InPageHtml</c>): shown
    /// like a plain-text body, without a frame. Null when the body needs its sandboxed frame, or there is none.
    /// </summary>
    public string? InPageHtml { get; init; }

    /// <summary>The Message-Id header, without angle brackets; null when the message has none.</summary>
    public string? MessageId { get; init; }

    /// <summary>The message ids of the References header, oldest first.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Where replies go: the Reply-To addresses, or the sender.</summary>
    public IReadOnlyList<string> ReplyTo { get; init; } = [];

    /// <summary>Every To and Cc address (for reply all).</summary>
    public IReadOnlyList<string> OtherRecipients { get; init; } = [];
}
