using WebMail.Client.Services;

namespace WebMail.Client.Pages;

/// <summary>Templates (issue 19): the message in the form saved to start others from, and a new one started from one.</summary>
public sealed partial class Compose
{
    private IReadOnlyList<MessageTemplate> _templates = [];
    private bool _namingTemplate;
    private string _templateName = "";
    private string? _templateSaved;

    private void StartNamingTemplate()
    {
        _templateName = _subject;
        _templateSaved = null;
        _namingTemplate = true;
    }

    private async Task SaveTemplateAsync()
    {
        var name = _templateName.Trim();
        if (name.Length == 0)
        {
            return;
        }

        try
        {
            // Read again just before saving: the settings may have changed in another tab since this page opened.
            var settings = await SettingsService.GetAsync(_disposed.Token);
            // A template keeps text: rich text is saved as the text it shows.
            await ReadEditorAsync();
            var template = new MessageTemplate(MessageTemplate.NewId(), name, _fields[0].Value, _subject, _rich ? _richText : _body);
            var saved = await SettingsService.SaveAsync(settings with { Templates = [.. settings.Templates, template] }, _disposed.Token);
            _templates = saved.Templates;
            (_namingTemplate, _templateSaved) = (false, name);
        }
        catch (MailOperationException exception)
        {
            (_problem, _problemDetail) = (exception.Problem, null);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Starts from a template without losing anything: its recipients and subject go where the form has none, its
    /// text above what is there (the signature, or what was typed).
    /// </summary>
    private void UseTemplate(string? id)
    {
        if (_templates.FirstOrDefault(t => t.Id == id) is not { } template)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(_fields[0].Value))
        {
            SetField(_fields[0], template.To);
        }

        _subject = string.IsNullOrWhiteSpace(_subject) ? template.Subject : _subject;
        if (_rich)
        {
            ShowInEditor(PlainTextHtml.From(template.Body) + (string.IsNullOrWhiteSpace(_richText) ? "" : "<div><br></div>" + _html), template.Body + "\n\n" + _richText);
            ScheduleDraftSave();
            return;
        }

        _body = string.IsNullOrWhiteSpace(_body) ? template.Body
            : _body.StartsWith("\n", StringComparison.Ordinal) ? template.Body + _body
            : template.Body + "\n\n" + _body;
        ScheduleDraftSave();
    }
}
