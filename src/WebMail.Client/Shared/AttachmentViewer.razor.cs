using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using WebMail.Client.Services;

namespace WebMail.Client.Shared;

/// <summary>The reader's attachment preview: one attachment at a time, the others of the message a button away.</summary>
public sealed partial class AttachmentViewer
{
    private ElementReference _title;
    private bool _focusTitle = true;

    [Parameter, EditorRequired]
    public string MessageId { get; set; } = "";

    [Parameter, EditorRequired]
    public AttachmentInfo Attachment { get; set; } = null!;

    /// <summary>The message's attachments that can be previewed, in order: previous and next go through them.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<AttachmentInfo> Previewable { get; set; } = [];

    /// <summary>Another attachment was chosen (previous or next).</summary>
    [Parameter]
    public EventCallback<AttachmentInfo> AttachmentChanged { get; set; }

    [Parameter]
    public EventCallback OnClose { get; set; }

    private AttachmentPreviewKind Kind => AttachmentPreview.KindOf(Attachment);

    private int Position => Previewable.ToList().FindIndex(a => a.Index == Attachment.Index);

    private string DownloadUrl => $"mail/messages/{Uri.EscapeDataString(MessageId)}/attachments/{Attachment.Index}";

    private string MediaUrl => DownloadUrl + "/preview";

    private string PdfUrl => DownloadUrl + "/pdf";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Keyboard and screen-reader users land on the file's name, as on a new page.
        if (_focusTitle)
        {
            _focusTitle = false;
            await _title.FocusAsync();
        }
    }

    private async Task ShowAsync(int step)
    {
        if (Previewable.ElementAtOrDefault(Position + step) is { } other)
        {
            _focusTitle = true;
            await AttachmentChanged.InvokeAsync(other);
        }
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs key)
    {
        if (key.Key == "Escape")
        {
            await OnClose.InvokeAsync();
        }
    }
}
