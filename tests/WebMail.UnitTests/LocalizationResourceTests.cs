using System.Xml.Linq;
using WebMail.Testing;

namespace WebMail.UnitTests;

public sealed class LocalizationResourceTests
{
    private static readonly string ResourceFolder = Path.Combine(RepositoryPaths.Root, "src", "WebMail.Client", "Resources");

    [Fact]
    public void UiText_EnglishAndChinese_HaveTheSameKeys()
    {
        var english = Keys("UiText.resx");
        var chinese = Keys("UiText.zh-CN.resx");

        Assert.Empty(english.Except(chinese));
        Assert.Empty(chinese.Except(english));
    }

    [Fact]
    public void UiText_Chinese_NoValueLeftInEnglish()
    {
        var english = Values("UiText.resx");
        var chinese = Values("UiText.zh-CN.resx");
        // Names that are the same in both languages on purpose.
        string[] sameInBoth = [];

        var untranslated = chinese
            .Where(pair => english[pair.Key] == pair.Value && !sameInBoth.Contains(pair.Key) && pair.Value.Any(char.IsLetter))
            .Select(pair => pair.Key);

        Assert.Empty(untranslated);
    }

    private static HashSet<string> Keys(string file) => Values(file).Keys.ToHashSet();

    private static Dictionary<string, string> Values(string file) =>
        XDocument.Load(Path.Combine(ResourceFolder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
}
