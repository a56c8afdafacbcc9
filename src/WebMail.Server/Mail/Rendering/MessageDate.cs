using MimeKit;
using MimeKit.Utils;

namespace WebMail.Server.Mail.Rendering;

/// <summary>
/// The moment a message is listed and shown with. Its Date header first; a message without a readable one (a hand
/// written .eml, a broken sender) is dated by the newest Received header, the time the last server on its way took
/// it, rather than shown as the year 1. <see cref="DateTimeOffset.MinValue"/> when neither says a time: the page then
/// shows no date at all.
/// </summary>
public static class MessageDate
{
    public static DateTimeOffset Of(HeaderList headers)
    {
        if (DateUtils.TryParse(headers[HeaderId.Date] ?? "", out var date))
        {
            return date;
        }

        // RFC 5321 §4.4: each server puts its Received line on top, its time after the last ';'. The first one that
        // reads is the newest.
        foreach (var header in headers)
        {
            if (header.Id == HeaderId.Received && header.Value.LastIndexOf(';') is var at and >= 0
                && DateUtils.TryParse(header.Value[(at + 1)..].Trim(), out var received))
            {
                return received;
            }
        }

        return DateTimeOffset.MinValue;
    }
}
