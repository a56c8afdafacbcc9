using System.Text;
using AngleSharp.Dom;

namespace WebMail.Server.Mail.Smtp;

/// <summary>
/// The text part of a rich-text message, made from its (already cleaned) HTML: what a reader without HTML, a
/// phone's notification or a search index sees. Paragraphs and line breaks stay lines, list items get "•" or their
/// number, a quote gets "> " before each line as a plain-text reply would, a link keeps its address.
/// </summary>
public static class OutgoingPlainText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "UL", "OL", "LI", "TABLE", "TR", "PRE", "BLOCKQUOTE", "HR", "SECTION", "ARTICLE", "HEADER", "FOOTER",
    };

    public static string From(IElement body)
    {
        var text = new Lines();
        Walk(body, text);
        return text.ToString();
    }

    private static void Walk(INode node, Lines text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText words:
                    text.Append(words.Data);
                    break;
                case IElement { LocalName: "br" }:
                    text.Break();
                    break;
                case IElement { LocalName: "img" } image:
                    text.Append(image.GetAttribute("alt") is { Length: > 0 } alt ? $"[{alt}]" : "");
                    break;
                case IElement { LocalName: "blockquote" } quote:
                    var quoted = new Lines();
                    Walk(quote, quoted);
                    text.EndBlock();
                    foreach (var line in quoted.ToString().Split('\n'))
                    {
                        text.AppendRaw(line.StartsWith('>') ? ">" + line : "> " + line);
                        text.Break();
                    }

                    break;
                case IElement { LocalName: "li" } item:
                    text.EndBlock();
                    text.AppendRaw(item.ParentElement is { LocalName: "ol" } list ? $"{list.Children.Index(item) + 1}. " : "• ");
                    Walk(item, text);
                    text.EndBlock();
                    break;
                case IElement { LocalName: "td" or "th" } cell:
                    if (cell.PreviousElementSibling is not null)
                    {
                        text.AppendRaw("\t");
                    }

                    Walk(cell, text);
                    break;
                case IElement { LocalName: "a" } link:
                    Walk(link, text);
                    var href = link.GetAttribute("href") ?? "";
                    var shown = link.TextContent.Trim();
                    var address = href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? href[7..] : href;
                    if (address.Length > 0 && !shown.Equals(address, StringComparison.OrdinalIgnoreCase))
                    {
                        text.AppendRaw($" <{address}>");
                    }

                    break;
                case IElement { LocalName: "pre" } pre:
                    text.EndBlock();
                    foreach (var line in pre.TextContent.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'))
                    {
                        text.AppendRaw(line);
                        text.Break();
                    }

                    break;
                case IElement { LocalName: "style" or "script" or "head" or "title" }:
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    text.EndBlock();
                    Walk(element, text);
                    text.EndBlock();
                    break;
                case IElement element:
                    Walk(element, text);
                    break;
            }
        }
    }

    /// <summary>Text built line by line: HTML's runs of white space become one space, as a browser shows them.</summary>
    private sealed class Lines
    {
        private readonly StringBuilder _text = new();
        private bool _pendingSpace;

        public void Append(string words)
        {
            foreach (var c in words)
            {
                if (char.IsWhiteSpace(c) && c != '\u3000')
                {
                    _pendingSpace = _text.Length > 0 && _text[^1] != '\n';
                }
                else
                {
                    if (_pendingSpace)
                    {
                        _text.Append(' ');
                        _pendingSpace = false;
                    }

                    _text.Append(c == '\u00a0' ? ' ' : c);
                }
            }
        }

        public void AppendRaw(string value)
        {
            _pendingSpace = false;
            _text.Append(value);
        }

        public void Break()
        {
            _pendingSpace = false;
            _text.Append('\n');
        }

        /// <summary>A block starts or ends on its own line; an empty block (a blank line in the editor) stays a blank line.</summary>
        public void EndBlock()
        {
            _pendingSpace = false;
            if (_text.Length > 0 && _text[^1] != '\n')
            {
                _text.Append('\n');
            }
        }

        public override string ToString()
        {
            // "--" alone is the signature separator, which is "-- " with its space (RFC 3676 §4.3); HTML drops the space.
            var lines = _text.ToString().Split('\n').Select(line => line.TrimEnd()).Select(line => line == "--" ? "-- " : line).ToList();
            var result = new StringBuilder();
            var blank = 0;
            foreach (var line in lines)
            {
                blank = line.Length == 0 ? blank + 1 : 0;
                if (blank <= 1)
                {
                    result.Append(line).Append('\n');
                }
            }

            return result.ToString().Trim('\n');
        }
    }
}
