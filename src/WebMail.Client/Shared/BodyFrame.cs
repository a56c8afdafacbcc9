namespace WebMail.Client.Shared;

/// <summary>
/// A message body's sandboxed frame, in one place: its sandbox (the same on the frame, in the body's own policy and on
/// the frame that keeps the browser's process for such frames ready, <see cref="WarmupUrl"/>), and the document it
/// shows, served from the body's URL or, when small, given to the frame with the view (<see cref="InlineDocument"/>).
/// </summary>
public static class BodyFrame
{
    /// <summary>Links may open in a new tab; no script, no origin (docs/security.md).</summary>
    public const string Sandbox = "allow-popups allow-popups-to-escape-sandbox";

    /// <summary>
    /// What the body's document may load: pictures inlined as <c>data:</c> URLs, its own styles and fonts, and remote
    /// pictures, styles and fonts only when the user allowed them; nothing else, no form, no base. The body's URL sends
    /// it as its Content-Security-Policy header, after "sandbox".
    /// </summary>
    public static string PolicyFor(bool remoteAllowed)
    {
        var remote = remoteAllowed ? " https: http:" : "";
        return $"default-src 'none'; img-src data:{remote}; style-src 'unsafe-inline'{remote}; font-src data:{remote}; base-uri 'none'; form-action 'none'";
    }

    /// <summary>
    /// A sanitized body up to this many characters goes to the frame with the view (<c>srcdoc</c>): no request after
    /// the click's render, and on a slow phone line one round trip less. Larger ones (inlined pictures, long
    /// newsletters) are loaded from the body's URL, so they never fill the live connection.
    /// </summary>
    public const int MaxInlineChars = 64 * 1024;

    /// <summary>
    /// A body-less document served like a body (same sandbox and policy). Why: Chromium puts sandboxed frames in a
    /// renderer process of their own, and the frame of one message is removed as the next one's is added, so each
    /// body started a cold process (about 60 ms, and more for a first Chinese text, whose font that process had to
    /// load; docs/benchmarks.md). A hidden frame of the same kind, present while the list is, keeps that process
    /// for the bodies opened next to it.
    /// </summary>
    public const string WarmupUrl = "mail/body-frame-warmup";

    /// <summary>The whole document of a body frame around sanitized HTML (<paramref name="policy"/>: only for <see cref="InlineDocument"/>).</summary>
    public static string Document(string safeHtml, string? policy = null) =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"referrer\" content=\"no-referrer\">" +
        (policy is null ? "" : $"<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">") +
        "<style>body{font-family:system-ui,sans-serif;margin:0;padding:.5rem;overflow-wrap:anywhere}img{max-width:100%;height:auto}</style>" +
        $"</head><body>{safeHtml}</body></html>";

    /// <summary>
    /// The document for the frame's <c>srcdoc</c>, or null when the body must come from its URL: too large, or remote
    /// content allowed (a <c>srcdoc</c> document keeps the page's own policy, which allows no remote host).
    /// </summary>
    /// <remarks>
    /// A <c>srcdoc</c> document has no response of its own: it keeps the page's policy, and the body's policy is
    /// added in its head, before anything of the message (the sanitizer lets no <c>meta</c> through, and a later policy
    /// could only forbid more). Both apply, so it may load what the body's URL may (<see cref="PolicyFor"/>); the
    /// frame's sandbox attribute is the same as for the URL.
    /// </remarks>
    public static string? InlineDocument(string? safeHtml, bool remoteAllowed) =>
        !remoteAllowed && safeHtml is { Length: <= MaxInlineChars } html ? Document(html, PolicyFor(remoteAllowed: false)) : null;
}
