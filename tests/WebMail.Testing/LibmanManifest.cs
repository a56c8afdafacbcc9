using System.Text.Json;

namespace WebMail.Testing;

/// <summary>The client libraries libman.json declares: the unit tier checks the committed files against it,
/// the integration tier checks them against the npm registry.</summary>
public static class LibmanManifest
{
    public static IReadOnlyList<LibmanLibrary> Libraries { get; } = Read();

    private static LibmanLibrary[] Read()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "libman.json")));
        return json.RootElement.GetProperty("libraries").EnumerateArray().Select(library =>
        {
            var id = library.GetProperty("library").GetString()!;
            var at = id.LastIndexOf('@');
            return new LibmanLibrary(
                id[..at], id[(at + 1)..], library.GetProperty("destination").GetString()!,
                library.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToArray());
        }).ToArray();
    }
}

public sealed record LibmanLibrary(string Name, string Version, string Destination, string[] Files)
{
    public string PathOf(string file) => Path.Combine(RepositoryPaths.Root, Destination, file);

    /// <summary>The URL path the browser asks for (destination relative to wwwroot).</summary>
    public string WebPathOf(string file) =>
        Destination[(Destination.IndexOf("wwwroot/", StringComparison.Ordinal) + "wwwroot/".Length)..] + file;
}
