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

    /// <summary>
    /// Every declared script and style sheet is used: by the page shell (Bootstrap) or imported by one of the app's
    /// own modules (the rich-text editor, loaded only when someone writes rich text; pdf.js, by the PDF preview). Licences are declared to be
    /// committed beside them, not loaded.
    /// </summary>
    [Fact]
    public void EveryDeclaredScriptIsReferenced_AndNothingFromACdn()
    {
        var wwwroot = Path.Combine(RepositoryPaths.Root, "src", "WebMail.Server", "wwwroot");
        var app = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "WebMail.Server", "Components", "App.razor"));
        var ownScripts = Directory.GetFiles(wwwroot, "*.js").Select(File.ReadAllText).ToList();
        var referenced = LibReference().Matches(app).Select(m => m.Groups["path"].Value)
            .Concat(ownScripts.SelectMany(script => ModuleImport().Matches(script).Select(m => m.Groups["path"].Value)))
            .Concat(ownScripts.SelectMany(script => ModuleUrl().Matches(script).Select(m => m.Groups["path"].Value)))
            .ToHashSet();
        var declared = Libraries.SelectMany(l => l.Files.Where(IsLoaded).Select(f => l.WebPathOf(f))).ToHashSet();

        Assert.Equal(declared.Order(), referenced.Order());
        Assert.DoesNotMatch("https?://", app);
        Assert.All(ownScripts, script => Assert.DoesNotMatch("""(import|from)\s*\(?\s*["']https?:""", script));
    }

    private static bool IsLoaded(string file) => file.EndsWith(".js", StringComparison.Ordinal)
        || file.EndsWith(".mjs", StringComparison.Ordinal) || file.EndsWith(".css", StringComparison.Ordinal);

    [GeneratedRegex("""^import\s+(?:[\w{}\s,*]+\s+from\s+)?["']\./(?<path>lib/[^"']+)["']""", RegexOptions.Multiline)]
    private static partial Regex ModuleImport();

    /// <summary>A module loaded by URL rather than imported: pdf.js's worker (pdf-preview.js).</summary>
    [GeneratedRegex("""new URL\(["']\./(?<path>lib/[^"']+\.m?js)["'],\s*import\.meta\.url\)""")]
    private static partial Regex ModuleUrl();

    [GeneratedRegex("""@Assets\["(?<path>lib/[^"]+)"\]""")]
    private static partial Regex LibReference();
}
