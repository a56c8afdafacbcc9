using System.Text;

namespace WebMail.Server.Mail.Contacts;

/// <summary>
/// Whether what is typed in an address field finds a name or an address, and how well: 张伟 is found by "张",
/// "zhangwei", "zhang wei", "zw", "zhw" or "wei"; Wei Zhang by "wei" or "zh"; 2023011234@school.edu.cn by "20230112".
/// Each Chinese character may be typed as itself or as any beginning of any of its readings, so initials, whole
/// syllables and a mix of both work; other text matches from the start of a word.
/// </summary>
public static class NameMatch
{
    /// <summary>No match.</summary>
    public const int None = 0;

    /// <summary>Found from a later character or word (伟 in 张伟, "wei" for Zhang Wei).</summary>
    public const int Inside = 1;

    /// <summary>Found from the first character, but only through a reading the name's characters rarely have (方 as "wang").</summary>
    public const int FromStartByRareReading = 2;

    /// <summary>Found from the first character by pinyin or initials as the name is usually read ("zw" for 张伟).</summary>
    public const int FromStart = 3;

    /// <summary>The text itself begins with what was typed ("张伟", "zhang" for Zhang Wei).</summary>
    public const int Literal = 4;

    /// <summary>What was typed, as it is compared: lower case, without spaces and apostrophes ("Zhang'Wei" → "zhangwei").</summary>
    public static string Normalize(string typed)
    {
        var plain = new StringBuilder(typed.Length);
        foreach (var c in typed.Trim())
        {
            if (!char.IsWhiteSpace(c) && c is not '\'' and not '’')
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }

        return plain.ToString();
    }

    /// <summary>How well a name matches a query already <see cref="Normalize"/>d.</summary>
    public static int Name(MatchableText name, string query)
    {
        if (query.Length == 0 || name.Units.Length == 0)
        {
            return None;
        }

        if (name.Lower.StartsWith(query, StringComparison.Ordinal) || name.Compact.StartsWith(query, StringComparison.Ordinal))
        {
            return Literal;
        }

        HashSet<(int, int)>? failed = null;
        if (Consumes(name.Units, 0, query, 0, commonOnly: true, ref failed))
        {
            return FromStart;
        }

        failed = null;
        if (Consumes(name.Units, 0, query, 0, commonOnly: false, ref failed))
        {
            return FromStartByRareReading;
        }

        for (var start = 1; start < name.Units.Length; start++)
        {
            // Failures found from another start hold here too: they depend only on the unit and the query position.
            if (name.Units[start].StartsWord && Consumes(name.Units, start, query, 0, commonOnly: false, ref failed))
            {
                return Inside;
            }
        }

        return None;
    }

    /// <summary>
    /// How well an address matches: from its start; inside the part before @ (a student number typed from its middle);
    /// from the start of its domain. Not anywhere in the domain, or every address of the school would match "l".
    /// </summary>
    public static int Address(string address, string query)
    {
        if (query.Length == 0)
        {
            return None;
        }

        var lower = address.ToLowerInvariant();
        if (lower.StartsWith(query, StringComparison.Ordinal))
        {
            return Literal;
        }

        var at = lower.IndexOf('@');
        var local = at < 0 ? lower : lower[..at];
        return local.Contains(query, StringComparison.Ordinal) || (at >= 0 && lower.AsSpan(at + 1).StartsWith(query, StringComparison.Ordinal)) ? Inside : None;
    }

    // Can query[at..] be typed by the units from index onward? Failed (unit, position) pairs are remembered (the set
    // made only when something fails: most names match or fail at once), so a long name with many readings costs at
    // most units × query length steps.
    private static bool Consumes(MatchableText.Unit[] units, int index, string query, int at, bool commonOnly, ref HashSet<(int, int)>? failed)
    {
        if (at == query.Length)
        {
            return true;
        }

        if (index == units.Length || (failed is not null && failed.Contains((index, at))))
        {
            return false;
        }

        var unit = units[index];
        if (query[at] == unit.Lower && Consumes(units, index + 1, query, at + 1, commonOnly, ref failed))
        {
            return true;
        }

        foreach (var reading in commonOnly && unit.CommonReadings.Count > 0 ? unit.CommonReadings : unit.Readings)
        {
            for (var length = 1; length <= reading.Length && at + length <= query.Length && query[at + length - 1] == reading[length - 1]; length++)
            {
                if (Consumes(units, index + 1, query, at + length, commonOnly, ref failed))
                {
                    return true;
                }
            }
        }

        (failed ??= []).Add((index, at));
        return false;
    }
}
