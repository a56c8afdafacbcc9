using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using WebMail.Client;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Rendering;

/// <summary>
/// A message as a page made for paper: its headers, the body (the sanitized HTML, or the text with its line breaks),
/// and the names of its attachments, with none of the app around it. The body is not in a frame (a printed frame is
/// cut at its height): the page's own policy runs no script but the one that opens the print dialog, and loads
/// nothing from elsewhere.
/// </summary>
public static class PrintPage
{
    /// <summary>
    /// Sandboxed (no origin: no cookies, no access to the app) but for the print dialog and links; no script from mail,
    /// no remote pictures or styles (tracking), no form, no frame around it.
    /// </summary>
    public const string ContentSecurityPolicy =
        "sandbox allow-scripts allow-modals allow-popups allow-popups-to-escape-sandbox; " +
        "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src data:; font-src data:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string Render(RenderedMessage message, IStringLocalizer<UiText> text, string printScriptUrl) =>
        Render([message], text, printScriptUrl);

    /// <summary>A whole conversation on paper: each message as on its own page, one after another, in reply order.</summary>
    public static string Render(IReadOnlyList<RenderedMessage> conversation, IStringLocalizer<UiText> text, string printScriptUrl)
    {
        var title = SubjectOf(conversation[0].View, text);
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"").Append(Encode(CultureInfo.CurrentUICulture.Name)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><title>").Append(Encode(title)).Append("</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:1.5rem;color:#000;overflow-wrap:anywhere}")
            .Append("h1{font-size:1.3rem;margin:0 0 .75rem}table.headers{border-collapse:collapse;margin-bottom:1rem;font-size:.9rem}")
            .Append("table.headers th{text-align:start;padding:.1rem 1rem .1rem 0;vertical-align:top;color:#444;font-weight:600}")
            .Append(".body{border-top:1px solid #999;padding-top:1rem}.text{white-space:pre-wrap;font-family:inherit;margin:0}")
            // A remote picture is blocked by the policy: on paper, no broken-picture mark in its place.
            .Append("img{max-width:100%;height:auto}img[src^=http]{display:none}.attachments{border-top:1px solid #999;margin-top:1rem;padding-top:.5rem;font-size:.9rem}")
            .Append("article+article{border-top:3px double #000;margin-top:2rem;padding-top:1rem}")
            .Append("</style></head><body>");
        foreach (var message in conversation)
        {
            Message(page, message, text);
        }

        return page.Append("<script src=\"").Append(Encode(printScriptUrl)).Append("\"></script></body></html>").ToString();
    }

    private static void Message(StringBuilder page, RenderedMessage message, IStringLocalizer<UiText> text)
    {
        var view = message.View;
        page.Append("<article><h1>").Append(Encode(SubjectOf(view, text))).Append("</h1><table class=\"headers\">");
        Header(page, text["Message_From"], string.IsNullOrWhiteSpace(view.FromName) ? view.FromAddress : $"{view.FromName} <{view.FromAddress}>");
        Header(page, text["Message_To"], view.To);
        if (!string.IsNullOrWhiteSpace(view.Cc))
        {
            Header(page, text["Message_Cc"], view.Cc);
        }

        // In the sender's own offset: the server does not know the reader's time zone, and paper should not guess.
        if (MessageDates.IsKnown(view.Date))
        {
            Header(page, text["Message_Date"], view.Date.ToString("f", CultureInfo.CurrentCulture) + " (UTC" + view.Date.ToString("zzz", CultureInfo.InvariantCulture) + ")");
        }
        page.Append("</table><div class=\"body\">");
        if (message.SafeHtml is { } html)
        {
            page.Append(html);
        }
        else
        {
            page.Append("<pre class=\"text\">").Append(Encode(view.TextBody ?? "")).Append("</pre>");
        }

        page.Append("</div>");
        if (view.Attachments.Count > 0)
        {
            page.Append("<div class=\"attachments\"><strong>").Append(Encode(text["Message_Attachments"])).Append("</strong><ul>");
            foreach (var attachment in view.Attachments)
            {
                page.Append("<li>").Append(Encode(attachment.FileName)).Append("</li>");
            }

            page.Append("</ul></div>");
        }

        page.Append("</article>");
    }

    private static string SubjectOf(Client.Services.MessageView view, IStringLocalizer<UiText> text) =>
        string.IsNullOrWhiteSpace(view.Subject) ? text["Message_NoSubject"].Value : view.Subject;

    private static void Header(StringBuilder page, string label, string value) =>
        page.Append("<tr><th>").Append(Encode(label)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>");

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
