namespace WebMail.Client.Services;

/// <summary>What an import did: contacts added, merged into ones already there, and left out (nothing usable, or the book was full).</summary>
public sealed record ContactImportResult(int Added, int Merged, int Skipped);
