using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using WebMail.Client.Services;

namespace WebMail.Client.Shared;

/// <summary>
/// The rich-text editor (rich-editor.js: Squire, cleaned by DOMPurify). The content lives in the browser; this
/// component reads it when the script says it changed, and once more before sending. Pictures are uploaded once, as
/// message parts with a content id, not with every read of the text.
/// </summary>
public sealed partial class RichTextEditor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly CancellationTokenSource _disposed = new();
    private ElementReference _root;
    private ElementReference _toolbar;
    private IJSObjectReference? _module;
    private IJSObjectReference? _editor;
    private DotNetObjectReference<RichTextEditor>? _self;
    private int _shownVersion;
    private bool _focusWhenReady;
    private bool _focusAfterQuote;

    [Inject]
    private IJSRuntime Js { get; set; } = null!;

    /// <summary>The HTML to show (with cid: references to <see cref="Pictures"/>); shown again whenever <see cref="Version"/> changes.</summary>
    [Parameter]
    public string Html { get; set; } = "";

    [Parameter]
    public int Version { get; set; }

    /// <summary>The writing area's id (unique on the page), and what a screen reader calls it.</summary>
    [Parameter]
    public string Id { get; set; } = "rich-body";

    [Parameter]
    public string? Label { get; set; }

    /// <summary>The message's pictures, which the HTML refers to by content id.</summary>
    [Parameter]
    public IReadOnlyList<OutgoingAttachment> Pictures { get; set; } = [];

    /// <summary>Largest picture accepted (bytes).</summary>
    [Parameter]
    public long MaxPictureBytes { get; set; }

    [Parameter]
    public EventCallback<RichContent> Changed { get; set; }

    [Parameter]
    public EventCallback<OutgoingAttachment> PictureAdded { get; set; }

    /// <summary>A picture not taken (too large, not a picture): its file name.</summary>
    [Parameter]
    public EventCallback<string> PictureRefused { get; set; }

    /// <summary>Says the text changed; the component reads it (see <see cref="ReadAsync"/>).</summary>
    /// <summary>The editor could not start in this browser.</summary>
    [Parameter]
    public EventCallback Failed { get; set; }

    [JSInvokable("Changed")]
    public async Task OnChangedAsync()
    {
        if (await ReadAsync() is { } content)
        {
            await Changed.InvokeAsync(content);
        }
    }

    /// <summary>A picture pasted, dropped or picked: kept as a message part; its content id, or null when refused.</summary>
    [JSInvokable("AddPicture")]
    public async Task<string?> AddPictureAsync(IJSStreamReference picture, string contentType, string fileName)
    {
        if (!OutgoingAttachment.PictureTypes.Contains(contentType) || picture.Length > MaxPictureBytes)
        {
            await PictureRefused.InvokeAsync(fileName);
            return null;
        }

        await using var stream = await picture.OpenReadStreamAsync(MaxPictureBytes, _disposed.Token);
        using var content = new MemoryStream();
        await stream.CopyToAsync(content, _disposed.Token);
        var contentId = $"{Guid.NewGuid():N}@webmail";
        await PictureAdded.InvokeAsync(new OutgoingAttachment(fileName, contentType, content.ToArray(), contentId));
        return contentId;
    }

    [JSInvokable("Refused")]
    public Task OnRefusedAsync(string fileName) => PictureRefused.InvokeAsync(fileName);

    /// <summary>What is in the editor now; null while it is not running (the page is not live yet, or gone).</summary>
    public async Task<RichContent?> ReadAsync()
    {
        if (_editor is null)
        {
            return null;
        }

        try
        {
            var content = await _editor.InvokeAsync<IJSStreamReference>("content", _disposed.Token);
            // Bounded: the text itself is small; pictures are parts, sent once, not in here.
            await using var stream = await content.OpenReadStreamAsync(MaxContentBytes, _disposed.Token);
            return await JsonSerializer.DeserializeAsync<RichContent>(stream, Json, _disposed.Token);
        }
        catch (Exception exception) when (exception is JSException or JSDisconnectedException or OperationCanceledException or IOException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Pictures pasted inside HTML may be data: URLs until uploaded; what a message can carry bounds them.</summary>
    private long MaxContentBytes => Math.Max(MaxPictureBytes * 2, 4 * 1024 * 1024);

    /// <summary>
    /// Puts the cursor at the start of the text (a reply written above the quote), or on the line after the quote;
    /// at once, or as soon as the editor runs.
    /// </summary>
    public async Task FocusStartAsync(bool afterQuote = false)
    {
        _focusWhenReady = _editor is null;
        _focusAfterQuote = afterQuote;
        if (_editor is not null)
        {
            await _editor.InvokeVoidAsync(afterQuote ? "focusAfterQuote" : "focusStart", _disposed.Token);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            if (firstRender)
            {
                _self = DotNetObjectReference.Create(this);
                // "./": a module specifier without it would be taken as a package name.
                _module = await Js.InvokeAsync<IJSObjectReference>("import", _disposed.Token, "./" + Assets["rich-editor.js"]);
                _shownVersion = Version;
                _editor = await _module.InvokeAsync<IJSObjectReference>("create", _disposed.Token, _root, _toolbar, _self, new
                {
                    html = Html,
                    pictures = Shown(),
                    maxPictureBytes = MaxPictureBytes,
                    linkPrompt = T["Rich_LinkPrompt"].Value,
                });
                if (_focusWhenReady)
                {
                    await FocusStartAsync(_focusAfterQuote);
                }
            }
            else if (_editor is not null && Version != _shownVersion)
            {
                _shownVersion = Version;
                await _editor.InvokeVoidAsync("setContent", _disposed.Token, Html, Shown());
            }
        }
        catch (Exception exception) when (exception is JSDisconnectedException or OperationCanceledException)
        {
        }
        catch (JSException)
        {
            // The editor's script did not load or start (an old browser, a blocked file): the page goes on in plain text.
            _editor = null;
            await Failed.InvokeAsync();
        }
    }

    /// <summary>The pictures as the browser shows them: data: URLs by content id.</summary>
    private Dictionary<string, string> Shown() => Pictures.Where(p => p.ContentId is not null)
        .ToDictionary(p => p.ContentId!, p => $"data:{p.ContentType};base64,{Convert.ToBase64String(p.Content)}");

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        try
        {
            if (_editor is not null)
            {
                await _editor.InvokeVoidAsync("destroy");
                await _editor.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The page is gone, and the editor with it.
        }

        _self?.Dispose();
        _disposed.Dispose();
    }
}

/// <summary>What the rich-text editor holds: its HTML (pictures as cid: references) and the text it shows.</summary>
public sealed record RichContent(string Html, string Text);
