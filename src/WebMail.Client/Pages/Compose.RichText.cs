using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.Client.Pages;

/// <summary>
/// Rich text (issue 19): the editor in place of the text box, switching between the two (plain to rich loses
/// nothing; rich to plain asks first when formatting would be lost), and the pictures in the text, which are
/// attachments with a content id and not listed with the files.
/// </summary>
public sealed partial class Compose
{
    private bool _rich;

    /// <summary>The editor's HTML as last read (pictures as cid: references), and the text it shows.</summary>
    private string _html = "";
    private string _richText = "";

    /// <summary>Raised whenever the page (not the user) puts new content into the editor.</summary>
    private int _htmlVersion;
    private bool _confirmingPlain;
    private RichTextEditor? _editor;

    /// <summary>The user's choice for new mail (settings): rich text or plain.</summary>
    private bool _writeRich;

    private IReadOnlyList<OutgoingAttachment> Pictures =>
        [.. _attachments.Where(a => a.ContentId is not null && a.Content is not null).Select(a => a.ToOutgoing())];

    private void SwitchToRich()
    {
        if (_rich)
        {
            return;
        }

        ShowInEditor(PlainTextHtml.From(_body), _body);
        ScheduleDraftSave();
    }

    /// <summary>Asks before losing formatting; text alone switches at once.</summary>
    private async Task AskForPlainAsync()
    {
        if (!_rich)
        {
            return;
        }

        await ReadEditorAsync();
        if (HasFormatting(_html))
        {
            _confirmingPlain = true;
            return;
        }

        SwitchToPlain();
    }

    private void SwitchToPlain()
    {
        _confirmingPlain = false;
        _rich = false;
        _body = _richText;
        _attachments.RemoveAll(a => a.ContentId is not null);
        _editor = null;
        ScheduleDraftSave();
    }

    private void ShowInEditor(string html, string text)
    {
        (_rich, _html, _richText) = (true, html, text);
        _htmlVersion++;
    }

    /// <summary>The latest content: the editor says it changed half a second after typing stops, so read it once more.</summary>
    private async Task ReadEditorAsync()
    {
        if (_rich && _editor is not null && await _editor.ReadAsync() is { } content)
        {
            (_html, _richText) = (content.Html, content.Text);
        }
    }

    private void OnRichChanged(RichContent content)
    {
        if (content.Html == _html)
        {
            return;
        }

        (_html, _richText) = (content.Html, content.Text);
        ScheduleDraftSave();
    }

    private void OnPictureAdded(OutgoingAttachment picture)
    {
        _attachmentProblem = null;
        _attachments.Add(new PendingAttachment(picture.FileName, picture.ContentType, picture.Content.Length)
        {
            Content = picture.Content,
            Percent = 100,
            ContentId = picture.ContentId,
        });
    }

    /// <summary>The rich-text editor could not start: what the page had goes on as plain text, with a word why.</summary>
    private void OnEditorFailed()
    {
        (_rich, _editor, _body) = (false, null, _richText);
        _attachments.RemoveAll(a => a.ContentId is not null);
        _attachmentProblem = T["Compose_EditorFailed"];
    }

    private void OnPictureRefused(string fileName) =>
        _attachmentProblem = T["Compose_PictureRefused", fileName, ByteSize.Format(Sender.MaxAttachmentBytesPerFile)];

    /// <summary>
    /// Anything plain text cannot keep: an element other than the editor's own lines and line breaks, or a style.
    /// </summary>
    private static bool HasFormatting(string html) =>
        System.Text.RegularExpressions.Regex.IsMatch(html, @"<(?!/?(div|br|p)[\s>/])[a-z]|style=", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}
