using System.Collections.Frozen;
using System.Text;

namespace WebMail.Server.Mail.Contacts;

/// <summary>
/// How each Chinese character may be read in Mandarin, without tones (from the Unicode Han Database; see
/// scripts/pinyin-table.py), so a name is found by its pinyin or initials. Every reading is kept, not only the most
/// common: 单 is "shan" as a surname, 曾 "zeng".
/// </summary>
public static class PinyinReadings
{
    private static readonly Lazy<FrozenDictionary<int, (string[] All, string[] Common)>> Table = new(Load);

    /// <summary>Every reading of a character (a code point, so characters beyond the BMP count); empty for one that is not Chinese.</summary>
    public static IReadOnlyList<string> Of(int codePoint) => Table.Value.TryGetValue(codePoint, out var readings) ? readings.All : [];

    /// <summary>The reading a character usually has (kMandarin; a few have two), by which a name is more likely meant.</summary>
    public static IReadOnlyList<string> CommonOf(int codePoint) => Table.Value.TryGetValue(codePoint, out var readings) ? readings.Common : [];

    /// <summary>
    /// How a character reads as a surname where that differs from its usual reading (the well-known polyphonic
    /// surnames, simplified and traditional): the first character of a name is more likely meant so.
    /// </summary>
    public static string? SurnameReading(int codePoint) => Surnames.GetValueOrDefault(codePoint);

    private static readonly FrozenDictionary<int, string> Surnames = new Dictionary<int, string>
    {
        ['曾'] = "zeng",
        ['单'] = "shan",
        ['單'] = "shan",
        ['解'] = "xie",
        ['仇'] = "qiu",
        ['区'] = "ou",
        ['區'] = "ou",
        ['查'] = "zha",
        ['朴'] = "piao",
        ['樸'] = "piao",
        ['覃'] = "qin",
        ['盖'] = "ge",
        ['蓋'] = "ge",
        ['缪'] = "miao",
        ['繆'] = "miao",
        ['乐'] = "yue",
        ['樂'] = "yue",
        ['翟'] = "zhai",
        ['纪'] = "ji",
        ['紀'] = "ji",
        ['秘'] = "bi",
        ['种'] = "chong",
        ['種'] = "chong",
        ['员'] = "yun",
        ['員'] = "yun",
        ['黑'] = "he",
        ['尉'] = "yu",
        ['宿'] = "su",
        ['召'] = "shao",
        ['过'] = "guo",
        ['過'] = "guo",
        ['沈'] = "shen",
        ['藏'] = "zang",
        ['折'] = "she",
        ['句'] = "gou",
    }.ToFrozenDictionary();

    private static FrozenDictionary<int, (string[] All, string[] Common)> Load()
    {
        var readings = new Dictionary<int, List<string>>();
        var common = new Dictionary<int, List<string>>();
        using var stream = typeof(PinyinReadings).Assembly.GetManifestResourceStream("PinyinReadings.txt")
            ?? throw new InvalidOperationException("The pinyin table is not embedded in the server assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.IndexOf(' ') is var space && space <= 0)
            {
                continue;
            }

            var isCommon = line[0] == '=';
            var reading = line[(isCommon ? 1 : 0)..space];
            foreach (var rune in line[(space + 1)..].EnumerateRunes())
            {
                var table = isCommon ? common : readings;
                if (!table.TryGetValue(rune.Value, out var list))
                {
                    table[rune.Value] = list = [];
                }

                list.Add(reading);
            }
        }

        return readings.ToFrozenDictionary(pair => pair.Key, pair => WithCommonFirst(pair.Value, common.GetValueOrDefault(pair.Key) ?? []));
    }

    private static (string[] All, string[] Common) WithCommonFirst(List<string> all, List<string> common)
    {
        string[] ordered = [.. common, .. all.Except(common)];
        return (ordered, [.. common]);
    }
}
