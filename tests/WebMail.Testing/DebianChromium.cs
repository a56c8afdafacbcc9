namespace WebMail.Testing;

/// <summary>Debian's Chromium (never a downloaded browser) and the flags it runs headless with here.</summary>
public static class DebianChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>No sandbox (root in a container), no GPU, and nothing that would reach the network on its own.</summary>
    public static readonly IReadOnlyList<string> Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];
}
