using System.Text;

namespace WebMail.Server.Mail.Contacts;

/// <summary>
/// A name prepared once for <see cref="NameMatch"/>: its letters, digits and Chinese characters as units, each
/// Chinese one with its pinyin readings, and where words start. Kept with a contact so typing costs no table look-ups.
/// </summary>
public sealed class MatchableText
{
    public MatchableText(string text)
    {
        Lower = text.Trim().ToLowerInvariant();
        var units = new List<Unit>();
        var compact = new StringBuilder();
        var afterSeparator = true;
        foreach (var rune in Lower.EnumerateRunes())
        {
            var readings = PinyinReadings.Of(rune.Value);
            if (readings.Count > 0)
            {
                var common = PinyinReadings.CommonOf(rune.Value);
                if (units.Count == 0 && PinyinReadings.SurnameReading(rune.Value) is { } surname)
                {
                    common = [surname, .. common];
                }

                units.Add(new Unit(rune.IsBmp ? (char)rune.Value : '\0', readings, common, StartsWord: true));
                compact.Append(rune.ToString());
                afterSeparator = true;
            }
            else if (Rune.IsLetterOrDigit(rune) && rune.IsBmp)
            {
                units.Add(new Unit((char)rune.Value, [], [], StartsWord: afterSeparator));
                compact.Append((char)rune.Value);
                afterSeparator = false;
            }
            else
            {
                afterSeparator = true;
            }
        }

        Units = [.. units];
        Compact = compact.ToString();
    }

    public string Lower { get; }

    /// <summary>The text without spaces and punctuation ("zhang wei" → "zhangwei").</summary>
    public string Compact { get; }

    public Unit[] Units { get; }

    /// <param name="Lower">The character itself, lower case ('\0' for one beyond the BMP, which is matched by reading only).</param>
    /// <param name="Readings">Every reading of a Chinese character, the common ones first.</param>
    /// <param name="CommonReadings">Its usual reading(s) only.</param>
    public readonly record struct Unit(char Lower, IReadOnlyList<string> Readings, IReadOnlyList<string> CommonReadings, bool StartsWord);
}
