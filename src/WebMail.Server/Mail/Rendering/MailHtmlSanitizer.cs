using Ganss.Xss;

namespace WebMail.Server.Mail.Rendering;

/// <summary>
/// HtmlSanitizer with an allow-list for mail. Its defaults keep forms, ids and names, and positioning, none of
/// which a message needs. Remote URLs are kept (so "show remote content" can work) but the body's own URL is
/// served with a Content-Security-Policy that blocks them until the user allows them for that message.
/// </summary>
public static class MailHtmlSanitizer
{
    private static readonly string[] RemovedTags =
        ["form", "input", "button", "select", "option", "optgroup", "textarea", "fieldset", "legend", "label", "datalist", "output"];

    private static readonly string[] RemovedAttributes = ["id", "name", "form", "formaction", "action"];

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto", "data"];

    private static readonly string[] RemovedCssProperties = ["position", "z-index", "top", "left", "right", "bottom", "inset"];

    /// <summary>Sanitizes <paramref name="html"/>, saying whether it referred to remote resources.</summary>
    /// <param name="keepContentIdImages">
    /// Keep <c>cid:</c> pictures: for mail the user writes, whose pictures are parts of the same message. A message
    /// being read has had its own pictures made data: URIs before this, so there any cid: left points nowhere.
    /// </param>
    public static (string Html, bool HasRemoteContent) Sanitize(string html, bool keepContentIdImages = false)
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in RemovedTags)
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        foreach (var attribute in RemovedAttributes)
        {
            sanitizer.AllowedAttributes.Remove(attribute);
        }

        foreach (var property in RemovedCssProperties)
        {
            sanitizer.AllowedCssProperties.Remove(property);
        }

        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in AllowedSchemes)
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        sanitizer.AllowDataAttributes = false;
        var remote = false;
        sanitizer.FilterUrl += (_, e) =>
        {
            var url = e.SanitizedUrl ?? "";
            if (keepContentIdImages && e.Tag?.NodeName == "IMG" && (e.OriginalUrl ?? "").Trim() is var original
                && original.StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
            {
                e.SanitizedUrl = original; // "cid" is no allowed scheme, so the sanitizer had dropped it.
                return;
            }

            if (!AllowedSchemes.Any(scheme => url.StartsWith(scheme + ":", StringComparison.OrdinalIgnoreCase)))
            {
                // A relative URL would resolve against the body's own URL on the webmail (or a <base> the message
                // smuggled in): a message has no business pointing there.
                e.SanitizedUrl = null;
            }
            else if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                // data: only as an inline image (that is how cid: images are shown), never as a link or frame.
                e.SanitizedUrl = e.Tag?.NodeName == "IMG" && url.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("data:image/svg", StringComparison.OrdinalIgnoreCase)
                    ? url
                    : null;
            }
            else if (e.Tag?.NodeName != "A" && url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                remote = true;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { NodeName: "A" } link)
            {
                link.SetAttribute("target", "_blank");
                link.SetAttribute("rel", "noopener noreferrer");
            }
        };

        var sanitized = sanitizer.Sanitize(html);
        return (sanitized, remote);
    }
}
