using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Sieve;

/// <summary>
/// WebMail's own Sieve script: blocked senders, the away message, senders always let through, then the rules in
/// order. What the user chose is also written into the script as a comment, so the pages read it back exactly; a
/// script written by another program is never parsed or changed, and one it made active keeps running (included).
/// </summary>
public static partial class FiltersScript
{
    /// <summary>WebMail's own script on the server; it edits no other.</summary>
    public const string Name = "webmail";

    private const string SettingsMarker = "# webmail-filters: ";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <param name="keepRunning">The script another program had active, which WebMail's then includes; null for none.</param>
    public static string Write(MailFilters filters, string? keepRunning = null)
    {
        var script = new Script();
        if (keepRunning is { Length: > 0 })
        {
            script.Require("include");
            script.Line("# Another mail program's filters, kept running.");
            script.Line($"include :personal {Quote(keepRunning)};");
        }

        var (blockedAddresses, blockedDomains) = Senders(filters.BlockedSenders);
        if (blockedAddresses.Count + blockedDomains.Count > 0)
        {
            script.Line("# Blocked senders.");
            script.Line($"if anyof ({string.Join(", ", SenderTests(blockedAddresses, blockedDomains))}) {{ discard; stop; }}");
        }

        WriteAway(script, filters.Away);

        var (allowedAddresses, allowedDomains) = Senders(filters.AllowedSenders);
        if (allowedAddresses.Count + allowedDomains.Count > 0)
        {
            script.Line("# Always let through: the rules below do not touch these.");
            script.Line($"if anyof ({string.Join(", ", SenderTests(allowedAddresses, allowedDomains))}) {{ keep; stop; }}");
        }

        foreach (var rule in filters.Rules.Take(MailFilters.MaxRules))
        {
            WriteRule(script, rule);
        }

        var header = new StringBuilder("# Written by WebMail; changed there (Settings → Filters). Other scripts are left alone.\r\n");
        header.Append(SettingsMarker).Append(JsonSerializer.Serialize(filters, Json)).Append("\r\n");
        return header.Append(script).ToString();
    }

    /// <summary>What a script of WebMail's says; null when it is not one of WebMail's.</summary>
    public static MailFilters? Read(string script)
    {
        var line = script.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(SettingsMarker, StringComparison.Ordinal));
        try
        {
            return line is null ? null : JsonSerializer.Deserialize<MailFilters>(line[SettingsMarker.Length..], Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The other program's script a script of WebMail's keeps running (includes), if any.</summary>
    public static string? IncludedScript(string script)
    {
        // Only where Write puts it, after the two comments and the require line: a quoted string further down (the
        // away message's text) may hold line breaks, and so a line that only looks like an include.
        var head = string.Join("\n", script.Split('\n').Take(5));
        return IncludeLine().Match(head) is { Success: true } match ? Unquote(match.Groups["name"].Value) : null;
    }

    /// <summary>True when the filters would do nothing at all to arriving mail.</summary>
    public static bool IsEmpty(MailFilters filters) =>
        !filters.Away.Enabled && filters.BlockedSenders.Count == 0 && filters.AllowedSenders.Count == 0 && filters.Rules.Count == 0;

    private static void WriteAway(Script script, AwayMessage away)
    {
        if (!away.Enabled)
        {
            return;
        }

        script.Require("vacation");
        var conditions = new List<string>
        {
            // RFC 5230 §5.1 and RFC 3834: never answer lists, bulk mail or other automatic replies.
            "not exists \"list-id\"",
            "not exists \"list-unsubscribe\"",
            "not header :is \"precedence\" [\"bulk\", \"list\", \"junk\"]",
            "not header :contains \"auto-submitted\" \"auto-\"",
        };
        foreach (var (date, comparison) in new[] { (away.Start, "ge"), (away.End, "le") })
        {
            if (date is { } day)
            {
                script.Require("date", "relational");
                conditions.Add($"currentdate :value \"{comparison}\" \"date\" {Quote(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}");
            }
        }

        var vacation = new StringBuilder("  vacation :days ").Append(Math.Clamp(away.Days, 1, 30).ToString(CultureInfo.InvariantCulture));
        if (away.Subject.Trim() is { Length: > 0 } subject)
        {
            vacation.Append(" :subject ").Append(Quote(OneLine(subject)));
        }

        if (away.Addresses.Count > 0)
        {
            vacation.Append(" :addresses ").Append(List(away.Addresses.Select(OneLine)));
        }

        vacation.Append(' ').Append(Quote(away.Text.Length > AwayMessage.MaxTextLength ? away.Text[..AwayMessage.MaxTextLength] : away.Text)).Append(';');
        script.Line("# Away message.");
        script.Line($"if allof ({string.Join(",\r\n          ", conditions)}) {{");
        script.Line(vacation.ToString());
        script.Line("}");
    }

    private static void WriteRule(Script script, FilterRule rule)
    {
        var tests = rule.Conditions.Select(Test).Where(t => t is not null).ToList();
        var actions = rule.Actions.OrderBy(a => a.Action is FilterAction.MarkRead or FilterAction.Star ? 0 : 1)
            .Select(a => Action(script, a)).Where(a => a is not null).ToList();
        if (actions.Count == 0)
        {
            return;
        }

        var condition = tests.Count == 0 ? "true" : $"{(rule.MatchAll ? "allof" : "anyof")} ({string.Join(", ", tests)})";
        script.Line($"# Rule: {OneLine(rule.Name)}");
        // Turned off: kept in the script (and in the list), never run.
        script.Line($"if {(rule.Enabled ? condition : $"allof (false, {condition})")} {{");
        foreach (var action in actions)
        {
            script.Line("  " + action);
        }

        script.Line("}");
    }

    private static string? Test(FilterCondition condition)
    {
        if (condition.Field == FilterField.Size)
        {
            return int.TryParse(condition.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes) && kilobytes > 0
                ? $"size :{(condition.Match == FilterMatch.Under ? "under" : "over")} {kilobytes}K"
                : null;
        }

        var match = condition.Match switch
        {
            FilterMatch.Is => ":is",
            FilterMatch.Matches => ":matches",
            _ => ":contains",
        };
        var value = Quote(OneLine(condition.Value));
        return condition.Field switch
        {
            FilterField.From => $"address {match} \"from\" {value}",
            FilterField.ToOrCc => $"address {match} [\"to\", \"cc\"] {value}",
            FilterField.Subject => $"header {match} \"subject\" {value}",
            _ when condition.HeaderName is { } name && HeaderName().IsMatch(name) => $"header {match} {Quote(name)} {value}",
            _ => null,
        };
    }

    private static string? Action(Script script, FilterStep step)
    {
        var argument = OneLine(step.Argument);
        switch (step.Action)
        {
            case FilterAction.MoveTo or FilterAction.CopyTo when argument.Length > 0:
                script.Require("fileinto");
                if (step.Action == FilterAction.CopyTo)
                {
                    script.Require("copy");
                }

                return $"fileinto {(step.Action == FilterAction.CopyTo ? ":copy " : "")}{Quote(argument)};";
            case FilterAction.MarkRead or FilterAction.Star:
                script.Require("imap4flags");
                return $"addflag {(step.Action == FilterAction.MarkRead ? "\"\\\\Seen\"" : "\"\\\\Flagged\"")};";
            case FilterAction.Forward or FilterAction.ForwardKeepCopy when argument.Contains('@'):
                if (step.Action == FilterAction.ForwardKeepCopy)
                {
                    script.Require("copy");
                }

                return $"redirect {(step.Action == FilterAction.ForwardKeepCopy ? ":copy " : "")}{Quote(argument)};";
            case FilterAction.Discard:
                return "discard;";
            case FilterAction.Reject:
                script.Require("reject");
                return $"reject {Quote(step.Argument.Trim())};";
            default:
                return null;
        }
    }

    private static (List<string> Addresses, List<string> Domains) Senders(IEnumerable<string> senders)
    {
        var cleaned = senders.Select(s => OneLine(s).ToLowerInvariant()).Where(s => s.Length > 1).Distinct().Take(MailFilters.MaxListedSenders).ToList();
        return ([.. cleaned.Where(s => !s.StartsWith('@') && s.Contains('@'))], [.. cleaned.Where(s => s.StartsWith('@')).Select(s => s[1..])]);
    }

    private static IEnumerable<string> SenderTests(List<string> addresses, List<string> domains)
    {
        if (addresses.Count > 0)
        {
            yield return $"address :is \"from\" {List(addresses)}";
        }

        if (domains.Count > 0)
        {
            yield return $"address :domain :is \"from\" {List(domains)}";
        }
    }

    private static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Quote)) + "]";

    /// <summary>
    /// A Sieve quoted string (RFC 5228 §2.4.2): backslash and double quote escaped; line breaks as CRLF, which a
    /// quoted string may hold. The settings comment's JSON never holds a raw line break (JSON escapes them).
    /// </summary>
    public static string Quote(string value) =>
        "\"" + value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal) + "\"";

    private static string OneLine(string value) => string.Concat(value.Select(c => char.IsControl(c) ? ' ' : c)).Trim();

    private static string Unquote(string quoted) => Escaped().Replace(quoted, "$1");

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex Escaped();

    [GeneratedRegex("""^include :personal "(?<name>(?:[^"\\]|\\.)*)";\r?$""", RegexOptions.Multiline)]
    private static partial Regex IncludeLine();

    [GeneratedRegex("^[A-Za-z0-9-]{1,76}$")]
    private static partial Regex HeaderName();

    /// <summary>The script's lines and the extensions they need, written with the require line first.</summary>
    private sealed class Script
    {
        private readonly SortedSet<string> _requires = new(StringComparer.Ordinal);
        private readonly StringBuilder _body = new();

        public void Require(params string[] extensions) => _requires.UnionWith(extensions);

        public void Line(string line) => _body.Append(line).Append("\r\n");

        public override string ToString() =>
            (_requires.Count == 0 ? "" : $"require {List(_requires)};\r\n") + _body;
    }
}
