namespace WebMail.Client.Services;

/// <summary>
/// A signature the user wrote, one of several; <see cref="Name"/> tells them apart in lists. <see cref="Text"/> goes
/// into plain-text mail; a formatted signature also has <see cref="Html"/> (its text is what the editor showed), which
/// goes into rich-text mail.
/// </summary>
public sealed record Signature(string Id, string Name, string Text, string? Html = null)
{
    /// <summary>At most this many characters of a formatted signature's HTML.</summary>
    public const int MaxHtmlLength = 20_000;

    /// <summary>Where a signature starts in plain-text mail: "-- " alone on a line (RFC 3676 §4.3), so readers can hide or strip it.</summary>
    public const string Separator = "-- ";

    public static string NewId() => Guid.NewGuid().ToString("N")[..12];
}
