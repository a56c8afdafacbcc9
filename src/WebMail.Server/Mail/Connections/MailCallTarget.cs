using WebMail.Server.Mail.Options;

namespace WebMail.Server.Mail.Connections;

/// <summary>Where a mail-server call goes and for whom: what bounds it, and how it is logged and counted.</summary>
/// <param name="Protocol">"imap", "pop3" or "smtp": a tag of the duration metric.</param>
/// <param name="Purpose">"read", "signin", "send" or "check": the metric's other tag, so health checks and sign-ins
/// do not blur the time of reading.</param>
/// <param name="Account">The address the call acts for, for the log (never the password); empty for status checks.</param>
/// <param name="Ended">Cancelled when the session the call belongs to ends; none for sign-in and status checks.</param>
public sealed record MailCallTarget(
    string Protocol, string Purpose, MailEndpointOptions Endpoint, string Account, CancellationToken Ended = default);
