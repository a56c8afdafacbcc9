namespace WebMail.Server.Mail.Contacts;

/// <summary>Names as address books split them and mail writes them.</summary>
public static class ContactNames
{
    /// <summary>Given and family name as one: 张 + 伟 → 张伟 (Chinese names are written family first, with no space); Wei + Zhang → Wei Zhang.</summary>
    public static string FromParts(string given, string family)
    {
        (given, family) = (given.Trim(), family.Trim());
        if (given.Length == 0 || family.Length == 0)
        {
            return given + family;
        }

        return IsChinese(family) || IsChinese(given) ? family + given : given + " " + family;
    }

    private static bool IsChinese(string text) => text.EnumerateRunes().Any(r => PinyinReadings.Of(r.Value).Count > 0);
}
