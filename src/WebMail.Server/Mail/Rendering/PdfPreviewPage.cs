using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using WebMail.Client;

namespace WebMail.Server.Mail.Rendering;

/// <summary>
/// A PDF attachment drawn by pdf.js (wwwroot/pdf-preview.js), in a page of its own that the reader frames. The PDF
/// travels inside the page: the page has no origin (its policy starts with "sandbox"), so its own requests would carry
/// no cookie and could not fetch the attachment; and so nothing that runs in it reaches the app.
/// </summary>
public static class PdfPreviewPage
{
    /// <summary>
    /// Scripts only from this site (pdf.js and our viewer; pdf.js runs no script from a PDF), pages drawn into canvases
    /// and blob pictures, pdf.js's character maps fetched from this site, its worker started from a blob, nothing
    /// else loaded, no form, framed only by the app. The site is named as well as 'self': the worker, made from a
    /// blob in a page of no origin, has no origin of its own for 'self' to mean.
    /// </summary>
    public static string ContentSecurityPolicy(string site) =>
        $"sandbox allow-scripts; default-src 'none'; script-src 'self' {site}; style-src 'self' 'unsafe-inline'; " +
        $"img-src blob: data:; font-src blob: data:; connect-src 'self' {site}; worker-src blob:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    public static string Render(string fileName, byte[] pdf, IStringLocalizer<UiText> text, string pathBase)
    {
        var page = new StringBuilder(pdf.Length * 4 / 3 + 2048);
        page.Append("<!DOCTYPE html><html lang=\"").Append(Encode(CultureInfo.CurrentUICulture.Name)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(fileName)).Append("</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append(Encode(pathBase)).Append("/pdf-preview.css\"></head>")
            .Append("<body data-page-label=\"").Append(Encode(text["Preview_PdfPage"].Value))
            .Append("\" data-pages-shown=\"").Append(Encode(text["Preview_PdfPagesShown"].Value))
            .Append("\" data-failed=\"").Append(Encode(text["Preview_PdfFailed"].Value)).Append("\">")
            .Append("<p id=\"status\" role=\"status\">").Append(Encode(text["Preview_Loading"].Value)).Append("</p>")
            .Append("<main id=\"pages\" aria-label=\"").Append(Encode(fileName)).Append("\"></main>")
            // Base64 has no '<': the data cannot end this element early, and a non-script type never runs.
            .Append("<script type=\"application/pdf;base64\" id=\"pdf-data\">").Append(Convert.ToBase64String(pdf)).Append("</script>")
            .Append("<script type=\"module\" src=\"").Append(Encode(pathBase)).Append("/pdf-preview.js\"></script></body></html>");
        return page.ToString();
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
