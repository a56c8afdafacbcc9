using System.Text;
using WebMail.Client.Services;

namespace WebMail.Server.UserData;

/// <summary>
/// What may be kept: whatever a page (or a hand-made request over the circuit) sends, the store gets bounded
/// lengths, a display name on one line (it goes into the From header), signatures without their own "-- " line
/// (the composer adds it), a formatted signature's HTML cleaned as mail is, and only languages the webmail has.
/// </summary>
public static class UserSettingsRules
{
    public const int MaxSignatureNameLength = 60;

    /// <summary>A template's recipients or subject: one line, as long as a long list of addresses.</summary>
    public const int MaxTemplateFieldLength = 2000;

    private static readonly string[] Languages = ["zh-CN", "en"];

    public static UserSettings Clean(UserSettings settings)
    {
        var signatures = settings.Signatures
            .Select(s => new Signature(CleanId(s.Id), OneLine(s.Name, MaxSignatureNameLength), CleanText(s.Text), CleanHtml(s.Html)))
            .Where(s => s.Text.Length > 0)
            .DistinctBy(s => s.Id)
            .Take(UserSettings.MaxSignatures)
            .Select((s, index) => s.Name.Length > 0 ? s : s with { Name = $"#{index + 1}" })
            .ToList();
        return new UserSettings
        {
            DisplayName = OneLine(settings.DisplayName, UserSettings.MaxDisplayNameLength),
            Signatures = signatures,
            DefaultSignatureId = signatures.Any(s => s.Id == settings.DefaultSignatureId) ? settings.DefaultSignatureId : null,
            SignatureOnReplies = settings.SignatureOnReplies,
            WriteRich = settings.WriteRich,
            CollectRecipients = settings.CollectRecipients,
            ReplyBelowQuote = settings.ReplyBelowQuote,
            PageSize = UserSettings.PageSizes.Contains(settings.PageSize) ? settings.PageSize : UserSettings.Defaults.PageSize,
            ConversationView = settings.ConversationView,
            RemoteContentFrom = settings.RemoteContentFrom
                .Select(a => (a ?? "").Trim().ToLowerInvariant())
                .Where(a => a.Length is > 2 and <= 254 && a.Contains('@') && !a.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                .Distinct()
                .Take(UserSettings.MaxTrustedSenders)
                .ToList(),
            Templates = settings.Templates
                .Select(t => new MessageTemplate(CleanId(t.Id), OneLine(t.Name, MaxSignatureNameLength), OneLine(t.To, MaxTemplateFieldLength),
                    OneLine(t.Subject, MaxTemplateFieldLength), Bounded(t.Body, UserSettings.MaxTemplateLength)))
                .Where(t => t.Name.Length > 0)
                .DistinctBy(t => t.Id)
                .Take(UserSettings.MaxTemplates)
                .ToList(),
            Language = Languages.FirstOrDefault(l => l == settings.Language),
        };
    }

    /// <summary>Control characters (line breaks too) become spaces, runs of spaces one, trimmed and cut to length.</summary>
    public static string OneLine(string? value, int maxLength)
    {
        var builder = new StringBuilder();
        foreach (var c in value ?? "")
        {
            var space = char.IsControl(c) || char.IsWhiteSpace(c);
            if (space && (builder.Length == 0 || builder[^1] == ' '))
            {
                continue;
            }

            builder.Append(space ? ' ' : c);
        }

        var line = builder.ToString().TrimEnd();
        return line.Length <= maxLength ? line : line[..maxLength].TrimEnd();
    }

    private static string CleanText(string? text)
    {
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').ToList();
        // The user may have typed the separator themselves: it is added where the signature is put.
        while (lines.Count > 0 && (lines[0].Trim().Length == 0 || lines[0].TrimEnd() == "--"))
        {
            lines.RemoveAt(0);
        }

        var cleaned = string.Join('\n', lines.Select(l => new string(l.Where(c => c == '\t' || !char.IsControl(c)).ToArray()).TrimEnd())).TrimEnd();
        return cleaned.Length <= UserSettings.MaxSignatureLength ? cleaned : cleaned[..UserSettings.MaxSignatureLength];
    }

    /// <summary>
    /// A formatted signature as mail may carry it (the allow-list of reading: no script, no forms); null when there is
    /// none, or when it is longer than a signature is (its text stays).
    /// </summary>
    private static string? CleanHtml(string? html)
    {
        if (string.IsNullOrWhiteSpace(html) || html.Length > Signature.MaxHtmlLength)
        {
            return null;
        }

        var cleaned = Mail.Rendering.MailHtmlSanitizer.Sanitize(html).Html.Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    private static string Bounded(string? text, int maxLength)
    {
        var oneKind = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return oneKind.Length <= maxLength ? oneKind : oneKind[..maxLength];
    }

    private static string CleanId(string? id) =>
        id is { Length: > 0 and <= 32 } && id.All(char.IsAsciiLetterOrDigit) ? id : Signature.NewId();
}
