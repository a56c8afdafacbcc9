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

    /// <summary>"Name &lt;address&gt;" as people type it (the name quoted only where it holds a special character, RFC 5322 3.2.3), or the bare address.</summary>
    public static string Mailbox(string name, string address)
    {
        name = name.Trim();
        if (name.Length == 0)
        {
            return address;
        }

        return name.IndexOfAny(Specials) >= 0 ? $"\"{name.Replace("\\", "\\\\").Replace("\"", "\\\"")}\" <{address}>" : $"{name} <{address}>";
    }

    private static readonly char[] Specials = ['(', ')', '<', '>', '[', ']', ':', ';', '@', '\\', ',', '.', '"'];

    private static bool IsChinese(string text) => text.EnumerateRunes().Any(r => PinyinReadings.Of(r.Value).Count > 0);
}
