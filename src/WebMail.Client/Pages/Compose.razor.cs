using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using WebMail.Client.Services;

namespace WebMail.Client.Pages;

public sealed partial class Compose
{
    private readonly CancellationTokenSource _disposed = new();
    private readonly List<AddressField> _fields = [new("to", "Compose_To"), new("cc", "Compose_Cc"), new("bcc", "Compose_Bcc")];
    private readonly List<PendingAttachment> _attachments = [];
    private string _subject = "";
    private string _body = "";
    private bool _sending;
    private SendProblem? _problem;
    private string? _problemDetail;
    private string? _attachmentProblem;
    private SendResult? _sent;
    private SendResult? _pending;
    private bool _undone;
    private bool _restoredDraft;
    private Timer? _draftTimer;
    private IReadOnlyList<string> _suggestions = [];
    private ElementReference _bodyBox;
    private bool _focusBody;

    [Inject]
    private IComposeService Sender { get; set; } = null!;

    [Inject]
    private IJSRuntime Js { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "to")]
    private string? PrefillTo { get; set; }

    [SupplyParameterFromQuery(Name = "reply")]
    private string? ReplyTo { get; set; }

    [SupplyParameterFromQuery(Name = "replyAll")]
    private string? ReplyAllTo { get; set; }

    [SupplyParameterFromQuery(Name = "forward")]
    private string? Forward { get; set; }

    private string? _inReplyTo;
    private IReadOnlyList<string>? _references;
    private string? _repliedToId;

    private bool Uploading => _attachments.Any(a => a.Content is null);

    protected override async Task OnInitializedAsync()
    {
        _fields[0].Value = PrefillTo ?? "";
        (ComposeMode? mode, string? original) = ReplyTo is not null ? (ComposeMode.Reply, ReplyTo)
            : ReplyAllTo is not null ? (ComposeMode.ReplyAll, ReplyAllTo)
            : Forward is not null ? (ComposeMode.Forward, Forward)
            : ((ComposeMode?)null, (string?)null);
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            _suggestions = await Sender.SuggestAddressesAsync(_disposed.Token);
        }
        catch (MailOperationException)
        {
            // Suggestions are a convenience; the form works without them.
        }

        if (mode is null || original is null)
        {
            await RestoreDraftAsync();
            return;
        }

        try
        {
            var prepared = await Sender.PrepareAsync(mode.Value, original, _disposed.Token);
            (_fields[0].Value, _fields[1].Value, _subject, _body) = (prepared.To, prepared.Cc, prepared.Subject, prepared.Body);
            (_inReplyTo, _references) = (prepared.InReplyTo, prepared.References);
            _repliedToId = mode == ComposeMode.Forward ? null : original;
            // A reply is written at once: the cursor waits in the text (forwarding first needs an address).
            _focusBody = mode != ComposeMode.Forward;
            foreach (var attachment in prepared.Attachments)
            {
                _attachments.Add(new PendingAttachment(attachment.FileName, attachment.ContentType, attachment.Content.Length) { Content = attachment.Content, Percent = 100 });
            }
        }
        catch (MailOperationException exception)
        {
            _problem = exception.Problem == MailProblem.SessionEnded ? SendProblem.SessionEnded : SendProblem.ServerError;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusBody)
        {
            _focusBody = false;
            await Js.InvokeVoidAsync("webmailFocusAtStart", _bodyBox);
        }
    }

    private void SetField(AddressField field, string? value)
    {
        field.Value = value ?? "";
        field.Check = string.IsNullOrWhiteSpace(field.Value) ? null : Sender.CheckAddresses(field.Value);
        ScheduleDraftSave();
    }

    private async Task RestoreDraftAsync()
    {
        if (PrefillTo is not null || await Sender.GetDraftAsync(_disposed.Token) is not { } draft)
        {
            return;
        }

        (_fields[0].Value, _fields[1].Value, _fields[2].Value, _subject, _body) = (draft.To, draft.Cc, draft.Bcc, draft.Subject, draft.Body);
        (_inReplyTo, _references, _repliedToId) = (draft.InReplyTo, draft.References, draft.RepliedToId);
        _attachments.AddRange(draft.Attachments.Select(a =>
            new PendingAttachment(a.FileName, a.ContentType, a.Content.Length) { Content = a.Content, Percent = 100 }));
        _restoredDraft = true;
    }

    /// <summary>Saves a second after the user stops typing, so the server keeps what they wrote.</summary>
    private void ScheduleDraftSave()
    {
        _draftTimer ??= new Timer(_ => InvokeAsync(SaveDraftNowAsync));
        _draftTimer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
    }

    private async Task SaveDraftNowAsync()
    {
        if (_sent is not null || _disposed.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await Sender.SaveDraftAsync(CurrentMessage(), _disposed.Token);
        }
        catch (Exception exception) when (exception is MailOperationException or OperationCanceledException)
        {
            // A draft that could not be saved this time is saved with the next keystroke.
        }
    }

    private async Task DiscardDraftAsync()
    {
        await Sender.DiscardDraftAsync(_disposed.Token);
        StartNew();
    }

    private OutgoingMessage CurrentMessage() => new(_fields[0].Value, _fields[1].Value, _fields[2].Value, _subject, _body,
        _attachments.Where(a => a.Content is not null).Select(a => new OutgoingAttachment(a.FileName, a.ContentType, a.Content!)).ToList(),
        _inReplyTo, _references, _repliedToId);

    private async Task AddFilesAsync(InputFileChangeEventArgs e)
    {
        _attachmentProblem = null;
        foreach (var file in e.GetMultipleFiles(maximumFileCount: 50))
        {
            var total = _attachments.Sum(a => a.Size) + file.Size;
            if (file.Size > Sender.MaxAttachmentBytesPerFile)
            {
                _attachmentProblem = T["Compose_AttachmentFileTooLarge", file.Name, Shared.ByteSize.Format(Sender.MaxAttachmentBytesPerFile)];
                continue;
            }

            if (total > Sender.MaxAttachmentBytes)
            {
                // Said before a byte is uploaded: the browser knows the size.
                _attachmentProblem = T["Compose_AttachmentTooLarge", file.Name, Shared.ByteSize.Format(Sender.MaxAttachmentBytes)];
                continue;
            }

            var pending = new PendingAttachment(file.Name, string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType, file.Size);
            _attachments.Add(pending);
            try
            {
                pending.Content = await ReadWithProgressAsync(file, pending);
                ScheduleDraftSave();
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or InvalidOperationException)
            {
                _attachments.Remove(pending);
                _attachmentProblem = T["Compose_UploadFailed", file.Name];
            }
        }
    }

    private async Task<byte[]> ReadWithProgressAsync(IBrowserFile file, PendingAttachment pending)
    {
        var content = new byte[file.Size];
        await using var stream = file.OpenReadStream(Sender.MaxAttachmentBytesPerFile, _disposed.Token);
        var read = 0;
        var lastShown = -1;
        while (read < content.Length)
        {
            var chunk = await stream.ReadAsync(content.AsMemory(read), _disposed.Token);
            if (chunk == 0)
            {
                throw new IOException("The upload ended early.");
            }

            read += chunk;
            pending.Percent = (int)(100L * read / Math.Max(1, content.Length));
            if (pending.Percent / 10 != lastShown)
            {
                lastShown = pending.Percent / 10;
                StateHasChanged();
            }
        }

        return content;
    }

    private void RemoveAttachment(PendingAttachment attachment)
    {
        _attachments.Remove(attachment);
        _attachmentProblem = null;
        ScheduleDraftSave();
    }

    private async Task SendAsync()
    {
        foreach (var field in _fields)
        {
            SetField(field, field.Value);
        }

        if (_fields.Any(f => f.Check is { IsValid: false }))
        {
            _problem = SendProblem.InvalidAddresses;
            _problemDetail = null;
            return;
        }

        _sending = true;
        _problem = null;
        try
        {
            var message = CurrentMessage();
            _undone = false;
            var result = await Sender.SendAsync(message, _disposed.Token);
            if (result.PendingId is { } pendingId)
            {
                // The server holds the message for the undo window; the form stays (hidden) until it has gone.
                _pending = result;
                StateHasChanged();
                result = await Sender.CompleteAsync(pendingId, _disposed.Token);
                _pending = null;
            }

            if (result.Problem == SendProblem.Undone)
            {
                _undone = true;
            }
            else if (result.Succeeded)
            {
                _sent = result;
                _draftTimer?.Change(Timeout.Infinite, Timeout.Infinite);
                await Sender.DiscardDraftAsync(_disposed.Token);
            }
            else
            {
                // Every field and attachment stays as it was, so the user can fix and send again.
                _problem = result.Problem;
                _problemDetail = result.Detail;
            }
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
        finally
        {
            _sending = false;
        }
    }

    private async Task UndoAsync()
    {
        if (_pending?.PendingId is { } pendingId)
        {
            await Sender.UndoAsync(pendingId);
        }
    }

    private void StartNew()
    {
        _fields.ForEach(f => (f.Value, f.Check) = ("", null));
        _subject = _body = "";
        _attachments.Clear();
        (_inReplyTo, _references, _repliedToId) = (null, null, null);
        _sent = null;
        _restoredDraft = false;
    }

    public void Dispose()
    {
        _draftTimer?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private sealed class AddressField(string id, string label)
    {
        public string Id { get; } = id;

        public string Label { get; } = label;

        public string Value { get; set; } = "";

        public AddressCheck? Check { get; set; }
    }

    private sealed class PendingAttachment(string fileName, string contentType, long size)
    {
        public string FileName { get; } = fileName;

        public string ContentType { get; } = contentType;

        public long Size { get; } = size;

        public int Percent { get; set; }

        public byte[]? Content { get; set; }
    }
}
