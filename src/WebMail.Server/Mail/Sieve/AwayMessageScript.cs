using System.Globalization;
using System.Text;
using System.Text.Json;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Sieve;

/// <summary>
/// The Sieve script WebMail keeps for a user's away message. What the user chose is also written into the script as
/// a comment, so the page reads it back exactly, whichever instance wrote it; a script written by another program is
/// never parsed or changed. A script another program made active keeps running: WebMail's includes it.
/// </summary>
public static class AwayMessageScript
{
    /// <summary>WebMail's own script on the server; it edits no other.</summary>
    public const string Name = "webmail";

    private const string SettingsMarker = "# webmail-away: ";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="keepRunning">The script another program had active, which WebMail's then includes; null for none.</param>
    public static string Write(AwayMessage away, string? keepRunning = null)
    {
        var requires = new List<string>();
        var body = new StringBuilder();
        if (keepRunning is { Length: > 0 })
        {
            requires.Add("include");
            body.Append("# Another mail program's filters, kept running.\r\n");
            body.Append("include :personal ").Append(Quote(keepRunning)).Append(";\r\n");
        }

        if (away.Enabled)
        {
            requires.Add("vacation");
            var conditions = new List<string>
            {
                // RFC 5230 §5.1 and RFC 3834: never answer lists, bulk mail or other automatic replies.
                "not exists \"list-id\"",
                "not exists \"list-unsubscribe\"",
                "not header :is \"precedence\" [\"bulk\", \"list\", \"junk\"]",
                "not header :contains \"auto-submitted\" \"auto-\"",
            };
            if (away.Start is not null || away.End is not null)
            {
                requires.AddRange(["date", "relational"]);
            }

            if (away.Start is { } start)
            {
                conditions.Add($"currentdate :value \"ge\" \"date\" {Quote(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}");
            }

            if (away.End is { } end)
            {
                conditions.Add($"currentdate :value \"le\" \"date\" {Quote(end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}");
            }

            body.Append("if allof (").Append(string.Join(",\r\n          ", conditions)).Append(") {\r\n");
            body.Append("  vacation :days ").Append(Math.Clamp(away.Days, 1, 30).ToString(CultureInfo.InvariantCulture));
            if (away.Subject.Trim() is { Length: > 0 } subject)
            {
                body.Append(" :subject ").Append(Quote(OneLine(subject)));
            }

            if (away.Addresses.Count > 0)
            {
                body.Append(" :addresses [").Append(string.Join(", ", away.Addresses.Select(a => Quote(OneLine(a))))).Append(']');
            }

            body.Append("\r\n    ").Append(Quote(away.Text.Length > AwayMessage.MaxTextLength ? away.Text[..AwayMessage.MaxTextLength] : away.Text)).Append(";\r\n}\r\n");
        }

        var script = new StringBuilder("# Written by WebMail; changed there (Settings → Away message). Other scripts are left alone.\r\n");
        script.Append(SettingsMarker).Append(JsonSerializer.Serialize(away, Json)).Append("\r\n");
        if (requires.Count > 0)
        {
            script.Append("require [").Append(string.Join(", ", requires.Distinct().Select(Quote))).Append("];\r\n");
        }

        return script.Append(body).ToString();
    }

    /// <summary>The away message a script of WebMail's says; null when it is not one of WebMail's.</summary>
    public static AwayMessage? Read(string script)
    {
        var line = script.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(SettingsMarker, StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AwayMessage>(line[SettingsMarker.Length..], Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// A Sieve quoted string (RFC 5228 §2.4.2): backslash and double quote escaped; line breaks as CRLF, which a
    /// quoted string may hold. JSON in the settings comment never holds a raw line break (it escapes them).
    /// </summary>
    public static string Quote(string value) =>
        "\"" + value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal) + "\"";

    private static string OneLine(string value) => string.Concat(value.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
}
