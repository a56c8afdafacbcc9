namespace WebMail.Client.Services;

/// <summary>One entry of a user's list of signed-in devices.</summary>
/// <param name="Key">Names the session without being its id (a hash), so the page never holds another session's id.</param>
/// <param name="Device">"Chrome · Windows", or empty when the browser did not say.</param>
/// <param name="LastActivity">For a session on another instance, as of its last renewal (at most a minute behind).</param>
/// <param name="IsCurrent">The session of the page showing the list.</param>
public sealed record SignedInSession(string Key, string Device, string ClientAddress, DateTimeOffset SignedInAt, DateTimeOffset LastActivity, bool IsCurrent);
