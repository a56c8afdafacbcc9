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
            var package = await NpmPackAsync(library.Name, library.Version);
            foreach (var file in library.Files)
            {
                Assert.True(package.TryGetValue(file, out var published), $"{library.Name}@{library.Version} has no {file}");
                var committed = await File.ReadAllBytesAsync(library.PathOf(file));
                Assert.True(published.AsSpan().SequenceEqual(committed),
                    $"{library.PathOf(file)} differs from {file} of {library.Name}@{library.Version} in the npm registry");
            }
        }
    }

    /// <summary>Fetches a package with npm's own client and returns its files by path relative to the package root.</summary>
    private static async Task<Dictionary<string, byte[]>> NpmPackAsync(string name, string version)
    {
        var folder = Directory.CreateTempSubdirectory("webmail-libman-");
        try
        {
            var npm = Process.Start(new ProcessStartInfo("npm", ["pack", $"{name}@{version}", "--silent", "--pack-destination", folder.FullName])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await npm.WaitForExitAsync(timeout.Token);
            Assert.True(npm.ExitCode == 0, await npm.StandardError.ReadToEndAsync());

            var files = new Dictionary<string, byte[]>();
            await using var gzip = new GZipStream(File.OpenRead(Directory.GetFiles(folder.FullName, "*.tgz").Single()), CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync() is { } entry)
            {
                if (entry.DataStream is { } data)
                {
                    using var copy = new MemoryStream();
                    await data.CopyToAsync(copy);
                    files[entry.Name["package/".Length..]] = copy.ToArray();
                }
            }

            return files;
        }
        finally
        {
            folder.Delete(recursive: true);
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
