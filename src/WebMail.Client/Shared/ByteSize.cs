using System.Globalization;

namespace WebMail.Client.Shared;

/// <summary>Sizes as people read them: 820 B, 14 KB, 3.2 MB, 1 GB (a quota).</summary>
public static class ByteSize
{
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Format(CultureInfo.CurrentCulture, "{0:0} KB", bytes / 1024.0),
        < 1024L * 1024 * 1024 => string.Format(CultureInfo.CurrentCulture, "{0:0.0} MB", bytes / 1024.0 / 1024.0),
        _ => string.Format(CultureInfo.CurrentCulture, "{0:0.#} GB", bytes / 1024.0 / 1024.0 / 1024.0),
    };
}
