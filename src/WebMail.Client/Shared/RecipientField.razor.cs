using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using WebMail.Client.Services;

namespace WebMail.Client.Shared;

/// <summary>
/// To, Cc or Bcc as chips (issue 20). Its value is still one text, "a, Name &lt;b&gt;", which the form saves, checks and
/// sends as before; a finished address (a separator typed or pasted, Enter, leaving the field, a suggestion picked)
/// becomes a chip. Keys: arrows move in the suggestions, Enter or Tab pick, Escape closes them, Backspace in an empty
/// input removes the last chip. app.js keeps Enter from sending the form and turns a pasted list's line breaks into
/// separators (an input drops them).
/// </summary>
/// <remarks>
/// The box belongs to the browser: the server never renders its value, since a value written back a round trip late
/// overwrites what was typed meanwhile (fast typing lost letters). What became chips is taken out of the box by
/// <c>webmailRecipientTake</c>, which removes exactly that text from its start and leaves whatever followed; input
/// that left the browser before that still starts with it, and <see cref="WithoutTaken"/> strips it. Input events are
/// handled while a take is on its way (the handler awaits it), so several may be pending: the box then starts with
/// all of them, or with the later ones once the browser applied the earlier (it applies them in order).
/// </remarks>
public sealed partial class RecipientField : IDisposable
{
    private readonly List<string> _chips = [];
    private ElementReference _input;
    private string _typed = "";
    private readonly List<string> _taking = [];
    private string? _value;
    private IReadOnlyList<RecipientSuggestion> _suggestions = [];
    private int _active;
    private CancellationTokenSource? _suggesting;
    private readonly CancellationTokenSource _preparing = new();

    [Inject]
    private IAddressBookService AddressBook { get; set; } = null!;

    [Inject]
    private IJSRuntime Js { get; set; } = null!;

    [Parameter, EditorRequired]
    public string Id { get; set; } = "";

    /// <summary>The field's text: the chips and what is being typed.</summary>
    [Parameter]
    public string Value { get; set; } = "";

    [Parameter]
    public EventCallback<string> ValueChanged { get; set; }

    /// <summary>Entries the server found to be no address; their chips are marked.</summary>
    [Parameter]
    public IReadOnlyList<string> Invalid { get; set; } = [];

    [Parameter]
    public string? DescribedBy { get; set; }

    private bool Open => _suggestions.Count > 0;

    protected override void OnParametersSet()
    {
        if (Value == _value)
        {
            return;
        }

        // Set from outside (a draft, a reply, a template): every address a chip; what is in the box stays there.
        _value = Value;
        _chips.Clear();
        _chips.AddRange(RecipientText.Entries(Value).Where(e => e != _typed.Trim()));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            try
            {
                await AddressBook.PrepareAsync(_preparing.Token);
                // Typed while the address book was still being read (the school's directory, the first time after
                // a restart): what was suggested then may lack people it has; unless the list was closed meanwhile.
                if (_suggesting is { IsCancellationRequested: false })
                {
                    await SuggestAsync(_typed);
                    StateHasChanged();
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or MailOperationException)
            {
                // Suggestions come later, or not at all; typing works either way.
            }
        }
    }

    private async Task OnInputAsync(ChangeEventArgs e)
    {
        var text = WithoutTaken(e.Value as string ?? "");
        _typed = text;
        var finished = RecipientText.Split(text, out var rest);
        if (finished.Count > 0)
        {
            _chips.AddRange(finished);
            await EmitThenTakeAsync(text[..^rest.Length]);
        }

        await SuggestAsync(_typed);
    }

    private async Task OnChangeAsync(ChangeEventArgs e)
    {
        if (e.Value is string text)
        {
            _typed = WithoutTaken(text);
        }

        await CommitTypedAsync();
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "ArrowDown" when Open:
                _active = (_active + 1) % _suggestions.Count;
                break;
            case "ArrowUp" when Open:
                _active = (_active + _suggestions.Count - 1) % _suggestions.Count;
                break;
            case "Enter" or "Tab" when Open:
                await PickAsync(_active);
                break;
            case "Enter":
                await CommitTypedAsync();
                break;
            case "Escape":
                CloseSuggestions();
                break;
            case "Backspace" when _typed.Length == 0 && _chips.Count > 0:
                await RemoveAt(_chips.Count - 1);
                break;
        }
    }

    private async Task PickAsync(int index)
    {
        if (index < 0 || index >= _suggestions.Count)
        {
            return;
        }

        var picked = _suggestions[index];
        _chips.AddRange(picked.Mailboxes.Where(m => !_chips.Contains(m, StringComparer.OrdinalIgnoreCase)));
        CloseSuggestions();
        await EmitThenTakeAsync(_typed);
    }

    private async Task RemoveAt(int index)
    {
        if (index >= 0 && index < _chips.Count)
        {
            _chips.RemoveAt(index);
            await EmitAsync();
        }
    }

    private async Task CommitTypedAsync()
    {
        CloseSuggestions();
        if (_typed.Length == 0)
        {
            return;
        }

        _chips.AddRange(RecipientText.Entries(_typed));
        await EmitThenTakeAsync(_typed);
    }

    /// <summary>The chips are the field's value; what is still being typed joins them when it is finished.</summary>
    private async Task EmitAsync()
    {
        _value = RecipientText.Join(_chips);
        await ValueChanged.InvokeAsync(_value);
    }

    /// <summary>
    /// The form learns of the new chips before the box is emptied: Send pressed while an address was still in the box
    /// (its change event comes first) must find it among the recipients, not wait for the browser.
    /// </summary>
    private async Task EmitThenTakeAsync(string taken)
    {
        var taking = TakeAsync(taken);
        await EmitAsync();
        await taking;
    }

    /// <summary>Takes <paramref name="text"/> out of the start of the box, leaving what was typed after it.</summary>
    private async Task TakeAsync(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        _typed = _typed.StartsWith(text, StringComparison.Ordinal) ? _typed[text.Length..] : _typed;
        _taking.Add(text);
        try
        {
            await Js.InvokeVoidAsync("webmailRecipientTake", _input, text);
        }
        catch (Exception exception) when (exception is JSException or JSDisconnectedException or OperationCanceledException or InvalidOperationException)
        {
            // Prerendering or a closed page: nothing to take out of.
        }
        finally
        {
            _taking.RemoveAt(0); // calls complete in the order they were made
        }
    }

    /// <summary>The box's text without what is being taken out of it and was still there when the browser sent it.</summary>
    private string WithoutTaken(string text)
    {
        for (var first = 0; first < _taking.Count; first++)
        {
            var taken = string.Concat(_taking.Skip(first));
            if (text.StartsWith(taken, StringComparison.Ordinal))
            {
                return text[taken.Length..];
            }
        }

        return text;
    }

    private async Task SuggestAsync(string typed)
    {
        _suggesting?.Cancel();
        _suggesting?.Dispose();
        if (typed.Trim().Length == 0)
        {
            (_suggesting, _suggestions) = (null, []);
            return;
        }

        var suggesting = _suggesting = new CancellationTokenSource();
        try
        {
            var found = await AddressBook.SuggestAsync(typed, suggesting.Token);
            if (!suggesting.IsCancellationRequested)
            {
                (_suggestions, _active) = (found, 0);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or MailOperationException)
        {
            // Suggestions are a help, not a need: typing goes on without them.
            _suggestions = [];
        }
    }

    private void CloseSuggestions()
    {
        _suggesting?.Cancel();
        _suggestions = [];
        _active = 0;
    }

    public void Dispose()
    {
        _preparing.Cancel();
        _preparing.Dispose();
        _suggesting?.Cancel();
        _suggesting?.Dispose();
    }
}
