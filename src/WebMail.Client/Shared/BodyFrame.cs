namespace WebMail.Client.Shared;

/// <summary>
/// What a message body's sandboxed frame is given, in one place: the frame's attribute and the body's own policy say
/// the same sandbox, and so does the hidden frame that keeps the browser's process for such frames ready
/// (<see cref="WarmupUrl"/>).
/// </summary>
public static class BodyFrame
{
    /// <summary>Links may open in a new tab; no script, no origin (docs/security.md).</summary>
    public const string Sandbox = "allow-popups allow-popups-to-escape-sandbox";

    /// <summary>
    /// A body-less document served like a body (same sandbox and policy). Why: Chromium puts sandboxed frames in a
    /// renderer process of their own, and the frame of one message is removed as the next one's is added, so each
    /// body started a cold process (about 60 ms, and more for a first Chinese text, whose font that process had to
    /// load; docs/benchmarks.md). A hidden frame of the same kind, present while the list is, keeps that process
    /// and its fonts for the bodies opened next to it.
    /// </summary>
    public const string WarmupUrl = "mail/body-frame-warmup";
}
