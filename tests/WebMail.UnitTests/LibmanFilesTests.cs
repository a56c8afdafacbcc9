using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using WebMail.Testing;

namespace WebMail.UnitTests;

/// <summary>
/// The client libraries under wwwroot/lib are committed (LibMan's CDNs are unreachable on our build machines),
/// so these tests prove they are exactly what libman.json declares and exactly what the npm registry publishes.
/// </summary>
public sealed partial class LibmanFilesTests
{
    private static readonly LibmanLibrary[] Libraries = ReadLibman();

    [Fact]
    public void Libman_DeclaredFiles_AreAllPresent()
    {
        Assert.NotEmpty(Libraries);
        Assert.All(Libraries.SelectMany(l => l.Files.Select(f => l.PathOf(f))), path => Assert.True(File.Exists(path), path));
    }

    [Fact]
    public void Libman_LibFolder_HoldsNothingUndeclared()
    {
        var declared = Libraries.SelectMany(l => l.Files.Select(f => Path.GetFullPath(l.PathOf(f)))).ToHashSet();
        var libFolder = Path.Combine(RepositoryPaths.Root, "src", "WebMail.Server", "wwwroot", "lib");

        var present = Directory.EnumerateFiles(libFolder, "*", SearchOption.AllDirectories).Select(Path.GetFullPath);

        Assert.Empty(present.Except(declared));
    }

    [Fact]
    public void AppShell_ReferencesEveryDeclaredFileAndNoCdn()
    {
        var app = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "WebMail.Server", "Components", "App.razor"));
        var referenced = LibReference().Matches(app).Select(m => m.Groups["path"].Value).ToHashSet();
        var declared = Libraries.SelectMany(l => l.Files.Select(f => l.WebPathOf(f))).ToHashSet();

        Assert.Equal(declared.Order(), referenced.Order());
        Assert.DoesNotMatch("https?://", app);
    }

    [Fact]
    public async Task Libman_CommittedFiles_AreByteIdenticalToTheNpmPackage()
    {
        foreach (var library in Libraries)
        {
            var package = await NpmPackage.FilesAsync(library.Name, library.Version);
            foreach (var file in library.Files)
            {
                Assert.True(package.TryGetValue(file, out var published), $"{library.Name}@{library.Version} has no {file}");
                var committed = await File.ReadAllBytesAsync(library.PathOf(file));
                Assert.True(published.AsSpan().SequenceEqual(committed),
                    $"{library.PathOf(file)} differs from {file} of {library.Name}@{library.Version} in the npm registry");
            }
        }
    }

    private static LibmanLibrary[] ReadLibman()
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

    [GeneratedRegex("""@Assets\["(?<path>lib/[^"]+)"\]""")]
    private static partial Regex LibReference();

    private sealed record LibmanLibrary(string Name, string Version, string Destination, string[] Files)
    {
        public string PathOf(string file) => Path.Combine(RepositoryPaths.Root, Destination, file);

        /// <summary>The URL path the browser asks for (destination relative to wwwroot).</summary>
        public string WebPathOf(string file) =>
            Destination[(Destination.IndexOf("wwwroot/", StringComparison.Ordinal) + "wwwroot/".Length)..] + file;
    }
}
