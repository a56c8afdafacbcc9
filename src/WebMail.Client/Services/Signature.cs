namespace WebMail.Client.Services;

/// <summary>A signature the user wrote (plain text), one of several; <see cref="Name"/> tells them apart in lists.</summary>
public sealed record Signature(string Id, string Name, string Text)
{
    /// <summary>Where a signature starts in plain-text mail: "-- " alone on a line (RFC 3676 §4.3), so readers can hide or strip it.</summary>
    public const string Separator = "-- ";

    public static string NewId() => Guid.NewGuid().ToString("N")[..12];
}
