namespace WebMail.Client.Shared;

/// <summary>
/// A CSV or TSV file as rows of cells, for the attachment preview's table: RFC 4180 quoting (a quoted cell may hold
/// the separator, doubled quotes and line breaks). The separator is the file's own: a tab for .tsv; for .csv a comma,
/// or a semicolon where a spreadsheet set to a language with decimal commas wrote one.
/// </summary>
public static class DelimitedText
{
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string text, char separator, int maxRows)
    {
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length && rows.Count < maxRows; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    cell.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        if ((cell.Length > 0 || row.Count > 0) && rows.Count < maxRows)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The separator of a file named <paramref name="fileName"/>, judged from its first line where it may vary.</summary>
    public static char SeparatorOf(string fileName, string text)
    {
        if (fileName.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase))
        {
            return '\t';
        }

        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOfAny(['\r', '\n']) is var end and >= 0 ? end : text.Length));
        return firstLine.Count(';') > firstLine.Count(',') ? ';' : firstLine.Count('\t') > firstLine.Count(',') ? '\t' : ',';
    }
}
