using WebMail.Client.Services;

namespace WebMail.Client.Shared;

/// <summary>
/// How what the user typed before the page was live combines with what the server fills in afterwards (a reply's
/// recipients and quote, a restored draft): what was typed is never overwritten.
/// </summary>
public static class TypedFirst
{
    /// <summary>True when any field that a person types into holds text.</summary>
    public static bool HasText(OutgoingMessage message) =>
        !string.IsNullOrWhiteSpace(message.To + message.Cc + message.Bcc + message.Subject + message.Body);

    /// <summary>
    /// A prepared reply or forward with the typed text kept: a typed address field or subject wins over the prepared
    /// one, and typed text goes above the quoted original, where a reply is written.
    /// </summary>
    public static OutgoingMessage Combine(OutgoingMessage typed, OutgoingMessage prepared) => prepared with
    {
        To = Either(typed.To, prepared.To),
        Cc = Either(typed.Cc, prepared.Cc),
        Bcc = Either(typed.Bcc, prepared.Bcc),
        Subject = Either(typed.Subject, prepared.Subject),
        Body = string.IsNullOrWhiteSpace(typed.Body) ? prepared.Body : typed.Body.TrimEnd() + prepared.Body,
        Attachments = [.. typed.Attachments, .. prepared.Attachments],
    };

    private static string Either(string typed, string prepared) => string.IsNullOrWhiteSpace(typed) ? prepared : typed;
}
