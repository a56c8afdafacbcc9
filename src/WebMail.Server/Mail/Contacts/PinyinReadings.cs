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
    private static readonly Lazy<FrozenDictionary<int, string[]>> Table = new(Load);

    /// <summary>The readings of a character (a code point, so characters beyond the BMP count); empty for one that is not Chinese.</summary>
    public static IReadOnlyList<string> Of(int codePoint) => Table.Value.TryGetValue(codePoint, out var readings) ? readings : [];

    private static FrozenDictionary<int, string[]> Load()
    {
        var readings = new Dictionary<int, List<string>>();
        using var stream = typeof(PinyinReadings).Assembly.GetManifestResourceStream("PinyinReadings.txt")
            ?? throw new InvalidOperationException("The pinyin table is not embedded in the server assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.IndexOf(' ') is var space && space <= 0)
            {
                continue;
            }

            var reading = line[..space];
            foreach (var rune in line[(space + 1)..].EnumerateRunes())
            {
                if (!readings.TryGetValue(rune.Value, out var list))
                {
                    readings[rune.Value] = list = [];
                }

                list.Add(reading);
            }
        }

        return readings.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray());
    }
}
