namespace WebMail.Client.Shared;

/// <summary>
/// How long a page's first HTML (prerendered, before the live connection is up) waits for the mail server. The list
/// and the open message are rendered into that HTML, so a phone on a slow network shows them seconds before the page
/// is live; the live page then takes them from the session's cache. A slow mail server must not hold back the whole
/// page: past this wait the HTML goes out without them and the live page loads them as before.
/// </summary>
public static class Prerendering
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);
}
