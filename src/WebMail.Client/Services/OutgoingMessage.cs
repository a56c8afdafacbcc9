namespace WebMail.Client.Services;

/// <summary>What the compose form sends. Address fields are as typed: comma or semicolon separated.</summary>
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
    string? From = null);

/// <summary>A file the user picked, already uploaded to the server (it never leaves the circuit's memory otherwise).</summary>
public sealed record OutgoingAttachment(string FileName, string ContentType, byte[] Content);
