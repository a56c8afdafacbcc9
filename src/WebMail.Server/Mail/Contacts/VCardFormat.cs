using System.Text;
using WebMail.Client.Services;
using WebMail.Server.UserData;

namespace WebMail.Server.Mail.Contacts;

/// <summary>
/// Contacts as vCard (RFC 6350, 4.0; 3.0 as RFC 2426, and 2.1 as old phones and QQ Mail write it, with
/// CHARSET=GB2312 and QUOTED-PRINTABLE values). Read: FN (else N), EMAIL, TEL, NOTE, CATEGORIES (groups),
/// KIND:group with MEMBER:mailto:. Written: 4.0, UTF-8, the same properties.
/// </summary>
public static class VCardFormat
{
    public static IReadOnlyList<Contact> Read(string text)
    {
        var contacts = new List<Contact>();
        Card? card = null;
        foreach (var line in Unfold(text))
        {
            var (name, parameters, value) = Split(line);
            switch (name)
            {
                case "BEGIN" when value.Equals("VCARD", StringComparison.OrdinalIgnoreCase):
                    card = new Card();
                    break;
                case "END" when card is not null:
                    contacts.AddRange(card.ToContacts());
                    card = null;
                    break;
                case "FN" when card is not null:
                    card.FullName = Value(parameters, value);
                    break;
                case "N" when card is not null:
                    card.StructuredName = Value(parameters, value);
                    break;
                case "EMAIL" when card is not null:
                    card.Addresses.Add(Value(parameters, value));
                    break;
                case "TEL" when card is not null && card.Phone.Length == 0:
                    card.Phone = Value(parameters, value).Replace("tel:", "", StringComparison.OrdinalIgnoreCase);
                    break;
                case "NOTE" when card is not null:
                    card.Notes = Value(parameters, value);
                    break;
                case "CATEGORIES" when card is not null:
                    card.Groups.AddRange(SplitList(Value(parameters, value, keepCommas: true)));
                    break;
                case "KIND" or "X-ADDRESSBOOKSERVER-KIND" when card is not null:
                    card.IsGroup = value.Trim().Equals("group", StringComparison.OrdinalIgnoreCase);
                    break;
                case "MEMBER" or "X-ADDRESSBOOKSERVER-MEMBER" when card is not null && value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase):
                    card.Addresses.Add(value[7..].Trim());
                    break;
            }
        }

        return contacts;
    }

    public static string Write(IEnumerable<Contact> contacts)
    {
        var text = new StringBuilder();
        foreach (var contact in contacts)
        {
            text.Append("BEGIN:VCARD\r\nVERSION:4.0\r\n");
            if (contact.IsGroup)
            {
                text.Append("KIND:group\r\n");
            }

            Line(text, "FN", Escape(contact.Name.Length > 0 ? contact.Name : ContactRules.AddressOf(contact.Addresses.FirstOrDefault() ?? "")));
            foreach (var address in contact.Addresses)
            {
                Line(text, contact.IsGroup ? "MEMBER" : "EMAIL", contact.IsGroup ? "mailto:" + ContactRules.AddressOf(address) : Escape(address));
            }

            if (contact.Phone.Length > 0)
            {
                Line(text, "TEL", Escape(contact.Phone));
            }

            if (contact.Notes.Length > 0)
            {
                Line(text, "NOTE", Escape(contact.Notes));
            }

            text.Append("END:VCARD\r\n");
        }

        return text.ToString();
    }

    // RFC 6350 3.2: a line longer than 75 octets is folded with CRLF and one space, never inside a UTF-8 sequence.
    private static void Line(StringBuilder text, string name, string value)
    {
        var line = name + ":" + value;
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            if (octets + rune.Utf8SequenceLength > 75)
            {
                text.Append("\r\n ");
                octets = 1;
            }

            text.Append(rune.ToString());
            octets += rune.Utf8SequenceLength;
        }

        text.Append("\r\n");
    }

    private static IEnumerable<string> Unfold(string text)
    {
        var current = new StringBuilder();
        var softBreak = false;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (current.Length > 0 && (raw.StartsWith(' ') || raw.StartsWith('\t')))
            {
                current.Append(raw, 1, raw.Length - 1);
            }
            else if (softBreak)
            {
                current.Append(raw); // vCard 2.1: a quoted-printable value continues after a line ending in '='
            }
            else
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                }

                current.Clear().Append(raw);
            }

            softBreak = current.ToString().Contains("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase) && raw.EndsWith('=');
            if (softBreak)
            {
                current.Length--;
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static (string Name, string Parameters, string Value) Split(string line)
    {
        var colon = line.IndexOf(':');
        if (colon < 0)
        {
            return ("", "", "");
        }

        var head = line[..colon];
        var semicolon = head.IndexOf(';');
        var name = (semicolon < 0 ? head : head[..semicolon]).Trim().ToUpperInvariant();
        name = name[(name.LastIndexOf('.') + 1)..]; // item1.EMAIL: Apple's property groups
        return (name, semicolon < 0 ? "" : head[(semicolon + 1)..], line[(colon + 1)..]);
    }

    private static string Value(string parameters, string value, bool keepCommas = false)
    {
        if (parameters.Contains("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase))
        {
            value = QuotedPrintable(value, CharsetOf(parameters));
        }

        return Unescape(value, keepCommas).Trim();
    }

    private static Encoding CharsetOf(string parameters)
    {
        foreach (var parameter in parameters.Split(';'))
        {
            if (parameter.StartsWith("CHARSET=", StringComparison.OrdinalIgnoreCase))
            {
                var charset = parameter[8..].Trim('"').ToLowerInvariant();
                return charset is "gb2312" or "gbk" or "gb18030" ? Encoding.GetEncoding("GB18030") : TryEncoding(charset);
            }
        }

        return Encoding.UTF8;
    }

    private static Encoding TryEncoding(string charset)
    {
        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    private static string QuotedPrintable(string value, Encoding encoding)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '=' && i + 2 < value.Length && Uri.IsHexDigit(value[i + 1]) && Uri.IsHexDigit(value[i + 2]))
            {
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
            }
        }

        return encoding.GetString([.. bytes]);
    }

    private static string Unescape(string value, bool keepCommas)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                text.Append(next is 'n' or 'N' ? "\n" : next == ',' && keepCommas ? "\\," : next.ToString());
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> SplitList(string value) =>
        value.Replace("\\,", "\u0001").Split(',').Select(v => v.Replace('\u0001', ',').Trim()).Where(v => v.Length > 0);

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\").Replace(",", "\\,").Replace(";", "\\;").Replace("\r\n", "\\n").Replace("\n", "\\n");

    private sealed class Card
    {
        public string FullName { get; set; } = "";

        public string StructuredName { get; set; } = "";

        public List<string> Addresses { get; } = [];

        public string Phone { get; set; } = "";

        public string Notes { get; set; } = "";

        public List<string> Groups { get; } = [];

        public bool IsGroup { get; set; }

        public IEnumerable<Contact> ToContacts()
        {
            var name = FullName.Length > 0 ? FullName : ContactNames.FromParts(StructuredName.Split(';') is var n && n.Length > 1 ? n[1] : "", n[0]);
            var contact = new Contact("", name, Addresses, Phone, Notes, IsGroup);
            yield return contact;
            foreach (var group in Groups.Where(_ => !IsGroup && Addresses.Count > 0))
            {
                yield return new Contact("", group, [RecipientText.Mailbox(name, Addresses[0])], IsGroup: true);
            }
        }
    }
}
