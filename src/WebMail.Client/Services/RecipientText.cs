using System.Text;

namespace WebMail.Client.Services;

/// <summary>
/// An address field's text as people type and paste it: entries separated by commas, semicolons, line breaks or
/// the Chinese full-width comma, semicolon and enumeration comma (，；、), outside quotes and angle brackets
/// ("Zhang, Wei" &lt;z@x&gt; is one). The server checks the same entries the page shows as chips.
/// </summary>
public static class RecipientText
{
    private static readonly char[] Separators = [',', ';', '\n', '\r', '，', '；', '、'];

    public static IReadOnlyList<string> Split(string? field) => Split(field, out _).ToList();

    /// <summary>The finished entries, and what follows the last separator (still being typed).</summary>
    public static IReadOnlyList<string> Split(string? field, out string rest)
    {
        var entries = new List<string>();
        var current = new StringBuilder();
        var (quoted, angle) = (false, false);
        foreach (var c in field ?? "")
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '<')
            {
                angle = true;
            }
            else if (!quoted && c == '>')
            {
                angle = false;
            }

            if (!quoted && !angle && Separators.Contains(c))
            {
                if (current.ToString().Trim() is { Length: > 0 } entry)
                {
                    entries.Add(entry);
                }

                current.Clear();
                continue;
            }

            current.Append(c);
        }

        rest = current.ToString().TrimStart();
        return entries;
    }

    /// <summary>Every entry, the one still being typed included.</summary>
    public static IReadOnlyList<string> Entries(string? field)
    {
        var entries = Split(field, out var rest).ToList();
        if (rest.Trim().Length > 0)
        {
            entries.Add(rest.Trim());
        }

        return entries;
    }

    /// <summary>Entries back into one field's text.</summary>
    public static string Join(IEnumerable<string> entries) => string.Join(", ", entries.Where(e => e.Trim().Length > 0));

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

    /// <summary>What a chip shows: the name of "Name &lt;address&gt;" (unquoted), else the address.</summary>
    public static string ShortName(string entry)
    {
        var open = entry.LastIndexOf('<');
        if (open > 0 && entry.TrimEnd().EndsWith('>'))
        {
            var name = entry[..open].Trim().Trim('"').Replace("\\\"", "\"").Trim();
            return name.Length > 0 ? name : entry[(open + 1)..].TrimEnd().TrimEnd('>');
        }

        return entry.Trim().Trim('<', '>');
    }
}
