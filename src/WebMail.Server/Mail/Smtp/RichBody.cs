using AngleSharp.Html.Parser;
using MimeKit;
using MimeKit.Utils;
using WebMail.Client.Services;
using WebMail.Server.Mail.Rendering;

namespace WebMail.Server.Mail.Smtp;

/// <summary>
/// The body of a rich-text message as every mail program reads it: <c>multipart/alternative</c> with a text part
/// made from the HTML, and the HTML (in <c>multipart/related</c> with its pictures when it has any). The HTML is
/// cleaned with the same allow-list as mail being read: the user's own mail must not carry script, forms or
/// anything hostile pasted from a web page to its recipients.
/// </summary>
public static class RichBody
{
    /// <param name="pictures">The pictures the editor uploaded (attachments with a content id); one the HTML no longer shows is left out.</param>
    /// <param name="domain">The sender's domain, for new content ids.</param>
    public static MimeEntity Build(string html, IEnumerable<OutgoingAttachment> pictures, string domain)
    {
        var (clean, _) = MailHtmlSanitizer.Sanitize(html, keepContentIdImages: true);
        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{clean}</body></html>");
        var uploaded = pictures.Where(p => p.ContentId is not null).GroupBy(p => p.ContentId!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var related = new Dictionary<string, MimePart>(StringComparer.OrdinalIgnoreCase);
        foreach (var image in document.Images.ToList())
        {
            var source = image.GetAttribute("src") ?? "";
            if (source.StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
            {
                var contentId = source[4..];
                if (uploaded.TryGetValue(contentId, out var picture))
                {
                    related.TryAdd(contentId, PicturePart(picture.FileName, picture.ContentType, picture.Content, contentId));
                }
                else
                {
                    image.Remove(); // A picture the message does not carry would show as broken to every recipient.
                }
            }
            else if (DataUri(source) is { } data)
            {
                // A picture pasted inside HTML (a web page, a quoted original): sent as a part like the others, not as
                // a data: URI, which Outlook and most webmails do not show.
                var contentId = MimeUtils.GenerateMessageId(domain);
                related.Add(contentId, PicturePart($"image{related.Count + 1}.{data.Type[6..]}", data.Type, data.Bytes, contentId));
                image.SetAttribute("src", "cid:" + contentId);
            }
        }

        var htmlPart = new TextPart("html") { Text = "<!DOCTYPE html>\n" + document.DocumentElement.OuterHtml };
        var textPart = new TextPart("plain") { Text = OutgoingPlainText.From(document.Body!) };
        if (related.Count == 0)
        {
            return new MultipartAlternative { textPart, htmlPart };
        }

        var withPictures = new MultipartRelated { htmlPart };
        foreach (var part in related.Values)
        {
            withPictures.Add(part);
        }

        return new MultipartAlternative { textPart, withPictures };
    }

    private static MimePart PicturePart(string fileName, string contentType, byte[] content, string contentId)
    {
        var part = OutgoingMessageBuilder.ContentPart(contentType, content);
        part.ContentId = contentId;
        part.ContentDisposition = new ContentDisposition(ContentDisposition.Inline) { FileName = SafeFileName.From(fileName, 0) };
        return part;
    }

    private static (string Type, byte[] Bytes)? DataUri(string source)
    {
        if (!source.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var comma = source.IndexOf(',', StringComparison.Ordinal);
        var header = comma < 0 ? "" : source[5..comma];
        var type = header.Split(';')[0].ToLowerInvariant();
        if (!header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase) || !OutgoingAttachment.PictureTypes.Contains(type))
        {
            return null;
        }

        var bytes = new byte[(source.Length - comma) * 3 / 4 + 3];
        return Convert.TryFromBase64String(source[(comma + 1)..], bytes, out var written) ? (type, bytes[..written]) : null;
    }
}
