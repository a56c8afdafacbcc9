using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.Client.Pages;

public sealed partial class Compose
{
    private readonly CancellationTokenSource _disposed = new();
    private readonly List<AddressField> _fields = [new("to", "Compose_To"), new("cc", "Compose_Cc"), new("bcc", "Compose_Bcc")];
    private readonly List<PendingAttachment> _attachments = [];
    private string _subject = "";
    private string _body = "";
    private bool _sending;
    private MailProblem? _problem;
    private string? _problemDetail;
    private string? _attachmentProblem;
    private SendResult? _sent;
    private SendResult? _pending;
    private bool _undone;
    private bool _restoredDraft;
    private Timer? _draftTimer;
    private IReadOnlyList<string> _senders = [];

    /// <summary>The signature new mail starts with (also "Write another" after sending), if the user has one.</summary>
    private Signature? _newMailSignature;

    /// <summary>The alias chosen to send from; null for the user's own address.</summary>
    private string? _from;
    private ElementReference _bodyBox;
    private bool _focusBody;

    /// <summary>Where the cursor goes in the text box of a reply written under the quote; null: at the start.</summary>
    private int? _focusAt;
    private Task? _saveInFlight;
    private bool _saveAgain;
    private bool _loaded;
    private OutgoingMessage? _otherVersion;

    /// <summary>The session's draft this page writes (null until first saved), and the offered other version's.</summary>
    private DraftRef? _draftRef;
    private DraftRef? _otherVersionRef;

    [Inject]
    private IComposeService Sender { get; set; } = null!;

    [Inject]
    private IDraftService Drafts { get; set; } = null!;

    [Inject]
    private IUserSettingsService SettingsService { get; set; } = null!;

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

    /// <summary>Forward the message whole, as an .eml attachment.</summary>
    [SupplyParameterFromQuery(Name = "forwardAttached")]
    private string? ForwardAttached { get; set; }

    /// <summary>A draft from the Drafts folder to carry on with (saved by a phone, a mail program or another tab).</summary>
    [SupplyParameterFromQuery(Name = "draft")]
    private string? DraftId { get; set; }

    private string? _inReplyTo;
    private IReadOnlyList<string>? _references;
    private string? _repliedToId;

    private bool Uploading => _attachments.Any(a => a.Content is null);

    /// <summary>Files one pick may add: each is uploaded over the live connection in turn.</summary>
    private const int MaxFilesPerPick = 50;

    private static readonly string[] TypedFieldIds = ["to", "cc", "bcc", "subject", "body"];

    protected override void OnInitialized() => _fields[0].Value = PrefillTo ?? "";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            // Loaded after the first live render, not before it: only then can the page read what the user typed into
            // the prerendered form, and a reply or a restored draft must not overwrite that (issue 23).
            await LoadAsync();
            StateHasChanged();
        }

        if (_focusBody)
        {
            _focusBody = false;
            if (_rich)
            {
                await (_editor?.FocusStartAsync(afterQuote: _focusAt is not null) ?? Task.CompletedTask);
            }
            else if (_focusAt is { } position)
            {
                await Js.InvokeVoidAsync("webmailFocusAt", _bodyBox, position);
            }
            else
            {
                await Js.InvokeVoidAsync("webmailFocusAtStart", _bodyBox);
            }
        }
    }

    private async Task LoadAsync()
    {
        var settings = await SettingsOrDefaultsAsync();
        _senders = await SenderAddressesOrOwnAsync();
        _templates = settings.Templates;
        _newMailSignature = settings.SignatureFor(replyOrForward: false);
        _writeRich = settings.WriteRich;
        var signNewMail = false;
        (ComposeMode? mode, string? original) = ReplyTo is not null ? (ComposeMode.Reply, ReplyTo)
            : ReplyAllTo is not null ? (ComposeMode.ReplyAll, ReplyAllTo)
            : Forward is not null ? (ComposeMode.Forward, Forward)
            : ForwardAttached is not null ? (ComposeMode.ForwardAsAttachment, ForwardAttached)
            : ((ComposeMode?)null, (string?)null);
        try
        {
            if (mode is null || original is null)
            {
                var takenBack = ScheduledId is { } scheduledId ? await TakeBackScheduledAsync(scheduledId) : null;
                var saved = ScheduledId is not null ? await DraftCopyOfAsync(takenBack)
                    : DraftId is { } draftId ? await Drafts.OpenAsync(draftId, _disposed.Token)
                    : PrefillTo is null ? await Drafts.GetAsync(_disposed.Token)
                    : null;
                // What was scheduled, not the copy's reading of it: the copy is where saves go.
                var draft = takenBack?.Message ?? saved?.Message;
                await TakeTypedValuesAsync();
                RestoreDraft(draft, saved?.Ref);
                signNewMail = draft is null && ScheduledId is null;
            }
            else
            {
                var prepared = await Sender.PrepareAsync(mode.Value, original, _disposed.Token);
                await TakeTypedValuesAsync();
                var signature = settings.SignatureFor(replyOrForward: true);
                var below = settings.ReplyBelowQuote && mode is ComposeMode.Reply or ComposeMode.ReplyAll;
                var (text, cursor) = below ? SignatureBlock.BelowQuote(prepared.Body, signature) : (SignatureBlock.AboveQuote(prepared.Body, signature), 0);
                _focusAt = below ? cursor : null;
                prepared = prepared with
                {
                    Body = text,
                    // The original's HTML is quoted only for someone writing rich text; the signature goes above it (or under).
                    Html = _writeRich && prepared.Html is { } quoted
                        ? below ? SignatureBlock.HtmlBelowQuote(quoted, signature) : SignatureBlock.HtmlAboveQuote(quoted, signature)
                        : null,
                };
                FillPrepared(mode.Value, original, prepared);
            }
        }
        catch (MailOperationException exception)
        {
            await TakeTypedValuesAsync();
            _problem = exception.Problem;
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }

        // Only what the user typed makes a draft worth saving, not the signature put in for them.
        var worthSaving = TypedFirst.HasText(CurrentMessage());
        var typed = _body;
        if (signNewMail)
        {
            _body = SignatureBlock.Under(_body, _newMailSignature);
        }

        if (_writeRich && !_rich && (signNewMail || mode is not null))
        {
            ShowInEditor(signNewMail ? SignatureBlock.HtmlUnder(PlainTextHtml.From(typed), _newMailSignature) : PlainTextHtml.From(_body), _body);
        }

        _loaded = true;
        if (worthSaving)
        {
            ScheduleDraftSave();
        }
    }

    /// <summary>The addresses the user may send from (their own, and aliases the school lists); none when unknown: no From choice, their own is used.</summary>
    private async Task<IReadOnlyList<string>> SenderAddressesOrOwnAsync()
    {
        try
        {
            return await Sender.SenderAddressesAsync();
        }
        catch (MailOperationException)
        {
            return [];
        }
    }

    /// <summary>The user's settings (their signature); a new message can be written without them when the store is down.</summary>
    private async Task<UserSettings> SettingsOrDefaultsAsync()
    {
        try
        {
            return await SettingsService.GetAsync(_disposed.Token);
        }
        catch (MailOperationException)
        {
            return UserSettings.Defaults;
        }
    }

    /// <summary>
    /// What is in the boxes now, read just before the server's content is put in: text typed into the prerendered
    /// form (typed-before-live.js carries it over) or into an address box not yet left (its binding waits for the
    /// change event) may not have reached the component yet.
    /// </summary>
    private async Task TakeTypedValuesAsync()
    {
        string?[] values;
        try
        {
            values = await Js.InvokeAsync<string?[]>("webmailFieldValues", _disposed.Token, [TypedFieldIds]);
        }
        catch (Exception exception) when (exception is JSException or JSDisconnectedException or OperationCanceledException)
        {
            return;
        }

        if (values.Length != TypedFieldIds.Length)
        {
            return;
        }

        for (var i = 0; i < _fields.Count; i++)
        {
            // An address field's box holds only what is being typed: it joins the chips already there.
            if (!string.IsNullOrEmpty(values[i]) && !RecipientText.Entries(_fields[i].Value).Contains(values[i]!.Trim()))
            {
                SetField(_fields[i], RecipientText.Join([.. RecipientText.Entries(_fields[i].Value), values[i]!]));
            }
        }

        _subject = string.IsNullOrEmpty(values[3]) ? _subject : values[3]!;
        _body = string.IsNullOrEmpty(values[4]) ? _body : values[4]!;
    }

    private void FillPrepared(ComposeMode mode, string original, OutgoingMessage prepared)
    {
        var typed = CurrentMessage();
        Fill(TypedFirst.Combine(typed with { Attachments = [] }, prepared));
        var forward = mode is ComposeMode.Forward or ComposeMode.ForwardAsAttachment;
        _repliedToId = forward ? null : original;
        // A reply is written at once: the cursor waits in the text (forwarding first needs an address), unless the
        // user is already typing.
        _focusBody = !forward && !TypedFirst.HasText(typed);
        _attachments.AddRange(prepared.Attachments.Select(Uploaded));
    }

    private void SetField(AddressField field, string? value)
    {
        field.Value = value ?? "";
        Check(field);
        ScheduleDraftSave();
    }

    private void Check(AddressField field) =>
        field.Check = string.IsNullOrWhiteSpace(field.Value) ? null : Sender.CheckAddresses(field.Value);

    private void RestoreDraft(OutgoingMessage? draft, DraftRef? savedAs)
    {
        if (draft is null)
        {
            return;
        }

        if (TypedFirst.HasText(CurrentMessage()))
        {
            // The user started a new message before the page could show the saved one: theirs stays, the draft is offered.
            (_otherVersion, _otherVersionRef) = (draft, savedAs);
            return;
        }

        OpenDraft(draft);
        _draftRef = savedAs;
        _restoredDraft = true;
    }

    /// <summary>Shows the other version (a saved draft) in the form; what was in the form becomes the other version.</summary>
    private void SwitchToOtherVersion()
    {
        if (_otherVersion is not { } other)
        {
            return;
        }

        var current = CurrentMessage();
        OpenDraft(other);
        _otherVersion = TypedFirst.HasText(current) || current.Attachments.Count > 0 ? current : null;
        (_draftRef, _otherVersionRef) = (_otherVersionRef, _draftRef);
        ScheduleDraftSave();
    }

    private void OpenDraft(OutgoingMessage draft)
    {
        Fill(draft);
        (_inReplyTo, _references, _repliedToId) = (draft.InReplyTo, draft.References, draft.RepliedToId);
        _from = _senders.Contains(draft.From ?? "") ? draft.From : null;
        _attachments.Clear();
        _attachments.AddRange(draft.Attachments.Select(Uploaded));
    }

    private void Fill(OutgoingMessage message)
    {
        (_fields[0].Value, _fields[1].Value, _fields[2].Value, _subject, _body) = (message.To, message.Cc, message.Bcc, message.Subject, message.Body);
        if (message.Html is { } html)
        {
            ShowInEditor(html, message.Body); // a rich-text draft or reply opens in the rich-text editor
        }
        else if (_rich)
        {
            ShowInEditor(PlainTextHtml.From(message.Body), message.Body);
        }

        (_inReplyTo, _references) = (message.InReplyTo, message.References);
        _fields.ForEach(Check);
    }

    private static PendingAttachment Uploaded(OutgoingAttachment attachment) =>
        new(attachment.FileName, attachment.ContentType, attachment.Content.Length) { Content = attachment.Content, Percent = 100, ContentId = attachment.ContentId };

    /// <summary>Saves a second after the user stops typing, so the server keeps what they wrote.</summary>
    private void ScheduleDraftSave()
    {
        if (!_loaded)
        {
            return; // Until the saved draft has been looked at, saving would replace it; LoadAsync saves after.
        }

        _draftTimer ??= new Timer(_ => InvokeAsync(SaveDraftNowAsync));
        _draftTimer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// One save at a time: a second started while the first (of a new message) is on its way would make a second
    /// draft. A save asked for meanwhile runs after it.
    /// </summary>
    private async Task SaveDraftNowAsync()
    {
        if (_saveInFlight is { IsCompleted: false })
        {
            _saveAgain = true;
            return;
        }

        do
        {
            _saveAgain = false;
            _saveInFlight = SaveDraftOnceAsync();
            await _saveInFlight;
        }
        while (_saveAgain);
    }

    private async Task SaveDraftOnceAsync()
    {
        if (_sent is not null || _disposed.IsCancellationRequested)
        {
            return;
        }

        try
        {
            _draftRef = await Drafts.SaveAsync(_draftRef, CurrentMessage(), _disposed.Token);
        }
        catch (Exception exception) when (exception is MailOperationException or OperationCanceledException)
        {
            // A draft that could not be saved this time is saved with the next keystroke.
        }
    }

    /// <summary>Before a draft is discarded (sent, scheduled): a save on its way would bring it back.</summary>
    private async Task SavesDoneAsync()
    {
        _draftTimer?.Change(Timeout.Infinite, Timeout.Infinite);
        _saveAgain = false;
        if (_saveInFlight is { } inFlight)
        {
            await inFlight;
        }
    }

    private async Task DiscardDraftAsync()
    {
        await SavesDoneAsync();
        await Drafts.DiscardAsync(_draftRef, _disposed.Token);
        StartNew();
    }

    private OutgoingMessage CurrentMessage() => new(_fields[0].Value, _fields[1].Value, _fields[2].Value, _subject, _rich ? _richText : _body,
        _attachments.Where(a => a.Content is not null && (_rich || a.ContentId is null))
            .Select(a => a.ToOutgoing()).ToList(),
        _inReplyTo, _references, _repliedToId, _from, _rich ? _html : null);

    private async Task AddFilesAsync(InputFileChangeEventArgs e)
    {
        _attachmentProblem = null;
        if (e.FileCount > MaxFilesPerPick)
        {
            // GetMultipleFiles would throw, outside any handler, and end the page's live connection.
            _attachmentProblem = T["Compose_TooManyFiles", e.FileCount, MaxFilesPerPick];
            return;
        }

        foreach (var file in e.GetMultipleFiles(MaxFilesPerPick))
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

    /// <summary>Every address field checked again; false (with the problem shown) when one holds what is not an address.</summary>
    private bool AddressesValid()
    {
        foreach (var field in _fields)
        {
            SetField(field, field.Value);
        }

        if (_fields.Any(f => f.Check is { IsValid: false }))
        {
            _problem = MailProblem.InvalidAddresses;
            _problemDetail = null;
            return false;
        }

        return true;
    }

    private async Task SendAsync()
    {
        await ReadEditorAsync();
        if (!AddressesValid())
        {
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

            if (result.Problem == MailProblem.Undone)
            {
                _undone = true;
            }
            else if (result.Succeeded)
            {
                _sent = result;
                await SavesDoneAsync();
                await Drafts.DiscardAsync(_draftRef, _disposed.Token);
                _draftRef = null;
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
        _subject = "";
        _body = SignatureBlock.Under("", _newMailSignature);
        _from = null;
        _attachments.Clear();
        _rich = false;
        if (_writeRich)
        {
            ShowInEditor(SignatureBlock.HtmlUnder(PlainTextHtml.From(""), _newMailSignature), _body);
        }

        (_inReplyTo, _references, _repliedToId) = (null, null, null);
        _sent = null;
        _draftRef = null;
        _scheduledFor = null;
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

        public IReadOnlyList<string> Invalid => Check?.Invalid ?? [];

        public string FeedbackId => Id + "-feedback";
    }

    private sealed class PendingAttachment(string fileName, string contentType, long size)
    {
        public string FileName { get; } = fileName;

        public string ContentType { get; } = contentType;

        public long Size { get; } = size;

        public int Percent { get; set; }

        public byte[]? Content { get; set; }

        /// <summary>Set for a picture shown inside the rich text rather than attached.</summary>
        public string? ContentId { get; init; }

        /// <summary>As the message carries it, once uploaded.</summary>
        public OutgoingAttachment ToOutgoing() => new(FileName, ContentType, Content!, ContentId);
    }
}
