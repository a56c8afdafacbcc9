using WebMail.Server.Mail.Rendering;
using WebMail.Testing;

namespace WebMail.UnitTests;

/// <summary>Every real-world message of the shared corpus (written by others, many of them broken) opens.</summary>
public sealed class CorpusRenderingTests
{
    internal static readonly string Corpus = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "corpus"));

    public static TheoryData<string> Messages()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Corpus, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".eml" or ".msg" or ".txt" || Path.GetExtension(f).Length == 0)
            .Where(f => !Path.GetFileName(f).StartsWith("LICENSE", StringComparison.Ordinal))
            .Order())
        {
            data.Add(Path.GetRelativePath(Corpus, file));
        }

        return data;
    }

    [Fact]
    public void Corpus_IsThere()
    {
        Assert.True(Directory.Exists(Corpus), $"{Corpus} is missing: CI lays shared/ beside the clone");
        Assert.True(Messages().Count > 100);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Render_CorpusMessage_NeverThrowsAndShowsSomething(string relativePath)
    {
        var raw = File.ReadAllBytes(Path.Combine(Corpus, relativePath));

        var rendered = MessageRenderer.Render("corpus", raw);

        Assert.NotNull(rendered.View);
        Assert.DoesNotContain("<script", rendered.SafeHtml ?? "", StringComparison.OrdinalIgnoreCase);
        for (var i = 0; i < rendered.View.Attachments.Count; i++)
        {
            Assert.NotNull(MessageRenderer.Attachment(raw, i));
        }
    }
}
