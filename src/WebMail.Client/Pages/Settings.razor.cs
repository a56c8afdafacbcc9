using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.Client.Pages;

/// <summary>
/// The user's own settings (issue 19): the name on their mail, their signatures, their language; and their data,
/// exported or forgotten. Edited here, kept only when saved.
/// </summary>
public sealed partial class Settings
{
    private readonly CancellationTokenSource _disposed = new();
    private UserSettings? _settings;
    private MailProblem? _problem;
    private bool _busy;
    private bool _saved;
    private bool _forgotten;
    private bool _confirmingForget;
    private string _displayName = "";
    private List<EditedSignature> _signatures = [];
    private string? _defaultSignatureId;
    private bool _signatureOnReplies;
    private bool _writeRich;
    private bool _replyBelowQuote;
    private int _pageSize = UserSettings.Defaults.PageSize;
    private bool _conversationView;
    private List<string> _trustedSenders = [];
    private string _language = "";
    private List<MessageTemplate> _templates = [];
    private string _address = "";

    [Inject]
    private IUserSettingsService UserSettingsService { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    /// <summary>Back from the reload that a new language needs, after a save.</summary>
    [SupplyParameterFromQuery(Name = "saved")]
    private bool SavedBeforeReload { get; set; }

    private string FromPreview => _displayName.Trim().Length > 0 ? $"{_displayName.Trim()} <{_address}>" : _address;

    protected override async Task OnInitializedAsync()
    {
        _address = Authentication is null ? "" : (await Authentication).User.Identity?.Name ?? "";
        _saved = SavedBeforeReload;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _problem = null;
        try
        {
            Show(await UserSettingsService.GetAsync(_disposed.Token));
        }
        catch (MailOperationException exception)
        {
            _problem = exception.Problem;
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
    }

    private void Show(UserSettings settings)
    {
        _settings = settings;
        _displayName = settings.DisplayName;
        _signatures = settings.Signatures.Select(s => new EditedSignature(s.Id) { Name = s.Name, Text = s.Text, Html = s.Html, Rich = s.Html is not null }).ToList();
        _defaultSignatureId = settings.DefaultSignatureId;
        _signatureOnReplies = settings.SignatureOnReplies;
        _writeRich = settings.WriteRich;
        _replyBelowQuote = settings.ReplyBelowQuote;
        (_pageSize, _conversationView) = (settings.PageSize, settings.ConversationView);
        _trustedSenders = [.. settings.RemoteContentFrom];
        _language = settings.Language ?? "";
        _templates = [.. settings.Templates];
    }

    private void AddSignature()
    {
        var added = new EditedSignature(Signature.NewId());
        _signatures.Add(added);
        _defaultSignatureId ??= added.Id; // the first signature is the one used, unless the user picks another
    }

    private async Task SaveAsync()
    {
        foreach (var signature in _signatures)
        {
            await signature.ReadEditorAsync();
        }

        var languageChanged = (_settings?.Language ?? "") != _language;
        await RunAsync(async token =>
        {
            // What the page does not edit (templates saved from the compose page) is kept as it was.
            var saved = await UserSettingsService.SaveAsync((_settings ?? UserSettings.Defaults) with
            {
                DisplayName = _displayName,
                Signatures = _signatures.Select(s => s.ToSignature()).ToList(),
                DefaultSignatureId = _defaultSignatureId,
                SignatureOnReplies = _signatureOnReplies,
                WriteRich = _writeRich,
                ReplyBelowQuote = _replyBelowQuote,
                PageSize = _pageSize,
                ConversationView = _conversationView,
                RemoteContentFrom = _trustedSenders,
                Language = _language.Length > 0 ? _language : null,
                Templates = _templates,
            }, token);
            Show(saved);
            _saved = true;
            if (languageChanged && saved.Language is { } language)
            {
                // The live page keeps the language it started with: a full load through the language endpoint.
                Navigation.NavigateTo($"language?culture={language}&returnUrl={Uri.EscapeDataString("/settings?saved=true")}", forceLoad: true);
            }
        });
    }

    private Task ForgetAsync() => RunAsync(async token =>
    {
        await UserSettingsService.ForgetAsync(token);
        Show(UserSettings.Defaults);
        _confirmingForget = false;
        _forgotten = true;
    });

    private async Task RunAsync(Func<CancellationToken, Task> action)
    {
        (_busy, _saved, _forgotten, _problem) = (true, false, false, null);
        try
        {
            await action(_disposed.Token);
        }
        catch (MailOperationException exception)
        {
            _problem = exception.Problem;
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    /// <summary>A signature as it is being edited (the form binds to its fields).</summary>
    private sealed class EditedSignature(string id)
    {
        public string Id { get; } = id;

        public string Name { get; set; } = "";

        public string Text { get; set; } = "";

        /// <summary>The formatted signature's HTML (when <see cref="Rich"/>), as its editor last said.</summary>
        public string? Html { get; set; }

        public bool Rich { get; set; }

        public RichTextEditor? Editor { get; set; }

        /// <summary>What the editor holds this moment (it tells changes half a second after typing stops).</summary>
        public async Task ReadEditorAsync()
        {
            if (Rich && Editor is not null && await Editor.ReadAsync() is { } content)
            {
                (Html, Text) = (content.Html, content.Text);
            }
        }

        public Signature ToSignature() => new(Id, Name, Text, Rich ? Html ?? PlainTextHtml.From(Text) : null);
    }
}
