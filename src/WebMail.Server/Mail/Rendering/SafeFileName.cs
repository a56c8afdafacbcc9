using System.Text;

namespace WebMail.Server.Mail.Rendering;

/// <summary>An attachment's name, fit to show and to save: no folders, no control or direction-changing characters.</summary>
public static class SafeFileName
{
    private const int MaxLength = 200;

    /// <summary>Longer "extensions" are just part of a long name: keeping them whole could leave no room at all.</summary>
    private const int MaxExtensionLength = 20;

    public static string From(string? name, int index)
    {
        var lastPart = (name ?? "").Split('/', '\\').Last();
        var builder = new StringBuilder(lastPart.Length);
        foreach (var c in lastPart)
        {
            // Right-to-left overrides make "exe.pdf" look like "fdp.exe"; control characters break headers.
            if (!char.IsControl(c) && !IsBidiControl(c))
            {
                builder.Append(c);
            }
        }

        var cleaned = builder.ToString().Trim().Trim('.').Trim();
        if (cleaned.Length > MaxLength)
        {
            var extension = Path.GetExtension(cleaned);
            extension = extension.Length <= MaxExtensionLength ? extension : "";
            cleaned = cleaned[..(MaxLength - extension.Length)].TrimEnd() + extension;
        }

        return cleaned.Length == 0 ? $"attachment-{index + 1}" : cleaned;
    }

    /// <summary>A whole message saved as a file: its subject (slashes made underscores, not folders) and ".eml".</summary>
    public static string ForMessage(string? subject) =>
        From((string.IsNullOrWhiteSpace(subject) ? "message" : subject.Trim().Replace('/', '_').Replace('\\', '_')) + ".eml", 0);

    /// <summary>
    /// Names for files saved together (a zip): the same name twice becomes "name (2).ext", as file managers do, so
    /// no attachment overwrites another.
    /// </summary>
    public static IReadOnlyList<string> Distinct(IEnumerable<string> names)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var name in names)
        {
            var candidate = name;
            for (var n = 2; !taken.Add(candidate); n++)
            {
                candidate = $"{Path.GetFileNameWithoutExtension(name)} ({n}){Path.GetExtension(name)}";
            }

            result.Add(candidate);
        }

        return result;
    }

    private static bool IsBidiControl(char c) =>
        c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
