using System.Net;
using System.Text;

namespace WebMail.Client.Services;

/// <summary>Plain text as the rich-text editor's HTML: one block per line, an empty line kept as one, nothing lost.</summary>
public static class PlainTextHtml
{
    public static string From(string text)
    {
        var html = new StringBuilder();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            html.Append("<div>").Append(line.Length == 0 ? "<br>" : WebUtility.HtmlEncode(line)).Append("</div>");
        }

        return html.ToString();
    }
}
