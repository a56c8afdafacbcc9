using System.Text.RegularExpressions;
using WebMail.Testing;

namespace WebMail.UnitTests;

/// <summary>
/// docs/architecture.md and docs/compatibility.md name the real types, tests and members in `code`; these tests keep
/// them true as the code changes, and keep the layering the architecture describes.
/// </summary>
public sealed partial class ArchitectureDocumentTests
{
    private static readonly string[] SourceFiles = Directory
        .EnumerateFiles(RepositoryPaths.Root, "*.*", SearchOption.AllDirectories)
        .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal))
        .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .ToArray();

    [Theory]
    [InlineData("architecture.md", 40)]
    [InlineData("compatibility.md", 8)]
    public void Document_EveryCitedTypeAndMember_Exists(string document, int atLeast)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", document));
        var cited = CitedName().Matches(text).Select(m => m.Groups["name"].Value).Distinct().ToList();

        var missing = cited.Where(name => !Exists(name)).ToList();

        Assert.True(cited.Count > atLeast, $"only {cited.Count} names cited: has {document} lost its type and test names?");
        Assert.Empty(missing);
    }

    [Fact]
    public void MailKitAndMimeKit_UsedOnlyInTheMailLayer()
    {
        var mailLayer = Path.Combine(RepositoryPaths.Root, "src", "WebMail.Server", "Mail") + Path.DirectorySeparatorChar;
        var outside = SourceFiles
            .Where(path => path.StartsWith(Path.Combine(RepositoryPaths.Root, "src"), StringComparison.Ordinal) && !path.StartsWith(mailLayer, StringComparison.Ordinal))
            .Where(path => MailLibraryUsing().IsMatch(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path));

        Assert.Empty(outside);
    }

    /// <summary>A type declared in any source file of the repository (a Razor component by its file), and its member when named.</summary>
    private static bool Exists(string name)
    {
        var (type, member) = name.IndexOf('.') is var dot and > 0 ? (name[..dot], name[(dot + 1)..]) : (name, null);
        var declaring = SourceFiles.Where(path =>
            Path.GetFileName(path) == type + ".razor"
            || Regex.IsMatch(File.ReadAllText(path), $@"\b(class|record|interface|enum|struct)\s+{Regex.Escape(type)}\b")).ToList();
        return declaring.Count > 0 && (member is null || declaring.Any(path =>
            Regex.IsMatch(File.ReadAllText(path), $@"\b{Regex.Escape(member)}\b\s*[(<={{,\r\n]")));
    }

    // `TypeName` or `TypeName.Member`: an identifier starting with a capital and holding a lowercase letter (not BODY.PEEK).
    [GeneratedRegex(@"`(?<name>[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)?)`")]
    private static partial Regex CitedName();

    [GeneratedRegex(@"^using (MailKit|MimeKit)\b", RegexOptions.Multiline)]
    private static partial Regex MailLibraryUsing();
}
