using System.Net;
using System.Text.RegularExpressions;

namespace WebMail.Server.Mail.Rendering;

/// <summary>Readable text from HTML, for messages without a plain-text part.</summary>
public static partial class HtmlText
{
    /// <summary>Strips tags without building a DOM, so it stays linear on hostile (huge or deeply nested) HTML.</summary>
    public static string ToPlainText(string html)
    {
        var withoutInvisible = InvisibleBlocks().Replace(html, " ");
        var withBreaks = BlockBoundaries().Replace(withoutInvisible, "\n");
        var text = WebUtility.HtmlDecode(Tags().Replace(withBreaks, ""));
        return ManyBlankLines().Replace(text, "\n\n").Trim();
    }

    [GeneratedRegex("<(script|style|head)\\b.*?</\\1\\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 2000)]
    private static partial Regex InvisibleBlocks();

    [GeneratedRegex("<(br|/p|/div|/tr|/li|/h[1-6])\\b[^>]*>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 2000)]
    private static partial Regex BlockBoundaries();

    [GeneratedRegex("<[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Tags();

    [GeneratedRegex("\\n\\s*\\n(\\s*\\n)+", RegexOptions.None, matchTimeoutMilliseconds: 2000)]
    private static partial Regex ManyBlankLines();
}
