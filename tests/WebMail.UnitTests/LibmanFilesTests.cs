using System.Text.RegularExpressions;
using WebMail.Testing;

namespace WebMail.UnitTests;

/// <summary>
/// The client libraries under wwwroot/lib are committed (LibMan's CDNs are unreachable on our build machines),
/// so these tests prove they are exactly what libman.json declares; <c>LibmanRegistryTests</c> in the integration
/// tier proves they are exactly what the npm registry publishes.
/// </summary>
public sealed partial class LibmanFilesTests
{
    private static readonly IReadOnlyList<LibmanLibrary> Libraries = LibmanManifest.Libraries;

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

    [GeneratedRegex("""@Assets\["(?<path>lib/[^"]+)"\]""")]
    private static partial Regex LibReference();
}
