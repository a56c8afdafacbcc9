using System.Net;
using System.Text;

namespace WebMail.Server.Mail.Rendering;

/// <summary>Readable text from HTML, for messages without a plain-text part.</summary>
public static class HtmlText
{
    private static readonly string[] InvisibleElements = ["script", "style", "head"];
    private static readonly string[] BlockEnds = ["br", "/p", "/div", "/tr", "/li", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6"];

    /// <summary>
    /// Strips tags in one pass without building a DOM or using regular expressions: hostile HTML (megabytes of "&lt;",
    /// thousands of unclosed &lt;style openers) made the earlier expressions quadratic. Every character is looked at
    /// a bounded number of times, and a search that found nothing is never repeated.
    /// </summary>
    public static string ToPlainText(string html)
    {
        var text = new StringBuilder(html.Length / 2);
        var unclosed = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0)
            {
                text.Append(html, i, html.Length - i);
                break;
            }

            text.Append(html, i, open - i);
            var close = html.IndexOf('>', open + 1);
            if (close < 0)
            {
                // No tag ends after this: the rest is text (a browser would show it too).
                text.Append(html, open, html.Length - open);
                break;
            }

            i = close + 1;
            var tag = html.AsSpan(open + 1, close - open - 1);
            if (Matching(tag, InvisibleElements) is { } invisible && !unclosed.Contains(invisible))
            {
                var end = html.IndexOf("</" + invisible, i, StringComparison.OrdinalIgnoreCase);
                if (end < 0)
                {
                    unclosed.Add(invisible); // Never closed: its content stays text, as before.
                    continue;
                }

                var endClose = html.IndexOf('>', end);
                i = endClose < 0 ? html.Length : endClose + 1;
                text.Append(' ');
            }
            else if (Matching(tag, BlockEnds) is not null)
            {
                text.Append('\n');
            }
        }

        return WithoutManyBlankLines(WebUtility.HtmlDecode(text.ToString())).Trim();
    }

    /// <summary>The name among <paramref name="names"/> the tag starts with, followed by a non-letter.</summary>
    private static string? Matching(ReadOnlySpan<char> tag, string[] names)
    {
        foreach (var name in names)
        {
            if (tag.StartsWith(name, StringComparison.OrdinalIgnoreCase) && (tag.Length == name.Length || !char.IsLetterOrDigit(tag[name.Length])))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>At most one empty line in a row: HTML layouts leave dozens.</summary>
    private static string WithoutManyBlankLines(string text)
    {
        var result = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var line in text.Split('\n'))
        {
            blank = string.IsNullOrWhiteSpace(line) ? blank + 1 : 0;
            if (blank <= 1)
            {
                result.Append(blank == 1 ? "" : line).Append('\n');
            }
        }

        return result.ToString();
    }
}
