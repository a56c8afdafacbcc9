using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace WebMail.Server.Mail.Rendering;

/// <summary>
/// A sanitized HTML body that is only formatted text (paragraphs, emphasis, lists, quotes, links, colours and fonts
/// in <c>style</c>), rebuilt from a small allow-list so the reader can show it in the page like a plain-text body,
/// without a sandboxed frame: a new frame costs ~30 ms even in a warm process, about as much as the click's whole
/// render (docs/benchmarks.md). Anything more (a picture, a table, a style sheet, any other element, attribute or
/// style property) returns null and the body keeps its frame.
/// </summary>
/// <remarks>
/// Why this is as safe as a plain-text body (docs/security.md): what comes out is this class's own serialization
/// of a parsed tree, not the mail's markup: text escaped, elements and attributes only from the lists below, so
/// nothing can load (no picture, font or style sheet: no request, no image decoder in the page's process), nothing
/// can run (no script element or handler survives, and the page's policy allows no inline script), nothing can be
/// placed over the webmail (no position or size property; the reader's box also contains its paint), and no class of
/// the webmail's own style sheet can be borrowed.
/// </remarks>
public static class InPageHtml
{
    /// <summary>Larger bodies stay in the frame: the live connection carries this with the click's render.</summary>
    public const int MaxChars = 32 * 1024;

    private const int MaxDepth = 32;

    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "p", "div", "span", "br", "b", "strong", "i", "em", "u", "s", "strike", "small", "big", "sub", "sup",
        "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "a", "pre", "code", "center",
    };

    private static readonly HashSet<string> EmptyElements = new(StringComparer.Ordinal) { "br", "hr" };

    private static readonly HashSet<string> StyleProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "color", "background-color", "font-family", "font-size", "font-weight", "font-style", "font-variant",
        "text-decoration", "text-decoration-line", "text-align", "text-indent", "line-height", "letter-spacing",
        "white-space", "margin", "margin-top", "margin-bottom", "margin-left", "margin-right",
        "padding", "padding-top", "padding-bottom", "padding-left", "padding-right",
        "border-left", "border-left-color", "border-left-style", "border-left-width", "list-style-type",
    };

    /// <summary>The only functions a value may hold: a colour's.</summary>
    private static readonly string[] ColourFunctions = ["rgb(", "rgba(", "hsl(", "hsla("];

    private static readonly HtmlParser Parser = new();

    /// <summary>The body rebuilt for the page, or null when it is more than formatted text (it keeps its frame).</summary>
    public static string? From(string? safeHtml)
    {
        if (safeHtml is null || safeHtml.Length > MaxChars)
        {
            return null;
        }

        var document = Parser.ParseDocument(safeHtml);
        if (document.Head?.ChildNodes.Length > 0 || document.Body is not { } body)
        {
            return null;
        }

        var html = new StringBuilder(safeHtml.Length);
        return AppendChildren(body, html, depth: 0) && html.Length <= MaxChars ? html.ToString() : null;
    }

    private static bool AppendChildren(INode parent, StringBuilder html, int depth)
    {
        foreach (var node in parent.ChildNodes)
        {
            var kept = node switch
            {
                IText text => Append(html, WebUtility.HtmlEncode(text.Data)),
                IComment => true,
                IElement element => depth < MaxDepth && AppendElement(element, html, depth + 1),
                _ => false,
            };
            if (!kept)
            {
                return false;
            }
        }

        return true;
    }

    private static bool AppendElement(IElement element, StringBuilder html, int depth)
    {
        var name = element.LocalName;
        if (element.NamespaceUri != "http://www.w3.org/1999/xhtml" || !Elements.Contains(name))
        {
            return false;
        }

        html.Append('<').Append(name);
        foreach (var attribute in element.Attributes)
        {
            if (!AppendAttribute(name, attribute, html))
            {
                return false;
            }
        }

        if (name == "a")
        {
            html.Append(" target=\"_blank\" rel=\"noopener noreferrer\"");
        }

        html.Append('>');
        if (EmptyElements.Contains(name))
        {
            return element.ChildNodes.Length == 0;
        }

        if (!AppendChildren(element, html, depth))
        {
            return false;
        }

        html.Append("</").Append(name).Append('>');
        return true;
    }

    private static bool AppendAttribute(string element, IAttr attribute, StringBuilder html)
    {
        var value = attribute.Value;
        switch (attribute.Name)
        {
            // Without a style sheet of the mail's own a class means nothing to the mail, and in the page it would
            // borrow the webmail's (a full-screen overlay is one Bootstrap class away): dropped. The link's own
            // target and rel are written by AppendElement.
            case "class" or "target" or "rel":
                return true;
            case "dir" when value is "ltr" or "rtl" or "auto":
            case "lang" when value.Length <= 35 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'):
            case "align" when element is "p" or "div" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6"
                && value.ToLowerInvariant() is "left" or "right" or "center" or "justify":
            case "href" when element == "a" && IsLink(value):
                html.Append(' ').Append(attribute.Name).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
                return true;
            case "style":
                return AppendStyle(value, html);
            default:
                return false;
        }
    }

    private static bool IsLink(string href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";

    /// <summary>Only the listed properties, each value plain words, numbers, colours or quoted font names.</summary>
    private static bool AppendStyle(string style, StringBuilder html)
    {
        var kept = new List<string>();
        foreach (var declaration in style.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = declaration.IndexOf(':');
            if (colon <= 0)
            {
                return false;
            }

            var property = declaration[..colon].Trim();
            var value = declaration[(colon + 1)..].Trim();
            if (!StyleProperties.Contains(property) || !IsPlainValue(value))
            {
                return false;
            }

            kept.Add($"{property.ToLowerInvariant()}: {value}");
        }

        if (kept.Count > 0)
        {
            html.Append(" style=\"").Append(WebUtility.HtmlEncode(string.Join("; ", kept))).Append('"');
        }

        return true;
    }

    /// <summary>No function but a colour's, no escape, no comment, no "!important" over the reader's own rules.</summary>
    private static bool IsPlainValue(string value)
    {
        if (value.Length == 0 || value.Length > 200 || value.Contains('\\') || value.Contains("/*") || value.Contains('!'))
        {
            return false;
        }

        var rest = value;
        foreach (var colour in ColourFunctions)
        {
            rest = rest.Replace(colour, "", StringComparison.OrdinalIgnoreCase);
        }

        return rest.All(c => char.IsLetterOrDigit(c) || c is ' ' or '#' or '.' or ',' or '%' or '-' or '"' or '\'' or ')' or '/');
    }

    private static bool Append(StringBuilder html, string text)
    {
        html.Append(text);
        return true;
    }
}
