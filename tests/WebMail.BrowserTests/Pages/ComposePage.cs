using Microsoft.Playwright;

namespace WebMail.BrowserTests.Pages;

/// <summary>The compose page as a user sees it: the address fields, subject, text and the Send button.</summary>
public sealed class ComposePage(IPage page)
{
    public static ComposePage Of(IPage page) => new(page);

    public ILocator Ready => page.Locator("#compose-form[data-ready=true]");

    public ILocator Form => page.Locator("#compose-form");

    public ILocator AttachmentsInput => page.Locator("#attachments-input");

    public ILocator AttachmentItems => page.Locator("#attachment-list li");

    public ILocator AttachmentProblem => page.Locator("#attachment-problem");

    public ILocator ToFeedback => page.Locator("#to-feedback");

    public ILocator UndoSend => page.Locator("#undo-send");

    public ILocator Undone => page.Locator("#send-undone");

    public ILocator Pending => page.Locator("#send-pending");
    /// <summary>The box of the To field, where an address is typed (finished ones become chips beside it).</summary>
    public ILocator To => page.Locator("#to");

    /// <summary>The To field's chips.</summary>
    public ILocator ToChips => page.Locator("#to-field .recipient-chip");

    /// <summary>The suggestions under the To field.</summary>
    public ILocator ToSuggestions => page.Locator("#to-suggestions [role=option]");

    /// <summary>The suggestion under the To field that shows <paramref name="text"/>.</summary>
    public ILocator ToSuggestion(string text) => ToSuggestions.Filter(new() { HasTextString = text });

    /// <summary>Every recipient of To, chips and all, as the form sends them ("a, Name &lt;b&gt;").</summary>
    public Task ExpectToAsync(string recipients) => Assertions.Expect(page.Locator("#to-field")).ToHaveAttributeAsync("data-value", recipients);

    public Task ExpectCcAsync(string recipients) => Assertions.Expect(page.Locator("#cc-field")).ToHaveAttributeAsync("data-value", recipients);

    public ILocator Cc => page.Locator("#cc");

    public ILocator Bcc => page.Locator("#bcc");

    public ILocator Subject => page.Locator("#subject");

    public ILocator Body => page.Locator("#body");

    public ILocator PlainTextMode => page.Locator("#mode-plain");

    public ILocator RichTextMode => page.Locator("#mode-rich");

    /// <summary>The rich-text editor's writing area, once its script runs.</summary>
    public ILocator RichBody => page.Locator("#rich-body[contenteditable=true]");

    /// <summary>A toolbar button of the rich-text editor: bold, italic, underline, ul, ol, quote, link, table, picture, clear.</summary>
    public ILocator RichButton(string command) => page.Locator($".rich-toolbar button[data-rich={command}]");

    public ILocator PlainWarning => page.Locator("#plain-warning");

    public ILocator ConfirmPlain => page.Locator("#confirm-plain");

    public ILocator KeepRich => page.Locator("#keep-rich");

    /// <summary>Drops a picture file onto the rich-text editor, as from the file manager.</summary>
    public Task DropPictureAsync(byte[] picture, string name = "picture.png") =>
        RichBody.EvaluateAsync("""
            (root, [picture, name]) => {
                const data = new DataTransfer();
                data.items.add(new File([Uint8Array.from(atob(picture), c => c.charCodeAt(0))], name, { type: "image/png" }));
                root.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
            }
            """, new object[] { Convert.ToBase64String(picture), name });

    /// <summary>
    /// Pastes into the rich-text editor as the browser does for a paste from another program: a paste event with the
    /// clipboard's HTML, or its picture (Playwright cannot fill the system clipboard of a headless browser).
    /// </summary>
    public Task PasteAsync(string? html = null, byte[]? picture = null, string pictureName = "picture.png") =>
        RichBody.EvaluateAsync("""
            (root, [html, picture, name]) => {
                const data = new DataTransfer();
                if (html) { data.setData("text/html", html); }
                if (picture) { data.items.add(new File([Uint8Array.from(atob(picture), c => c.charCodeAt(0))], name, { type: "image/png" })); }
                root.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, new object?[] { html, picture is null ? null : Convert.ToBase64String(picture), pictureName });

    public ILocator SendButton => page.Locator("#send");

    public ILocator SendLater => page.Locator("#send-later");

    public ILocator SaveAsTemplate => page.Locator("#save-template");

    public ILocator TemplateName => page.Locator("#template-name");

    public ILocator SaveTemplate => page.Locator("#save-template-confirm");

    public ILocator TemplateSaved => page.Locator("#template-saved");

    public ILocator StartFromTemplate => page.Locator("#use-template");

    /// <summary>The date and time to send at (datetime-local, in the user's time zone).</summary>
    public ILocator SendAt => page.Locator("#send-at");

    public ILocator Schedule => page.Locator("#schedule-send");

    public ILocator Scheduled => page.Locator("#schedule-confirmation");

    public ILocator Sent => page.Locator("#send-confirmation");

    public ILocator Problem => page.Locator("#send-problem");

    public ILocator DraftRestored => page.Locator("#draft-restored");

    public ILocator DraftOffered => page.Locator("#draft-offered");

    /// <summary>Opens Write with a full page load (so the page is prerendered first), without waiting for it to be live.</summary>
    public async Task OpenAsync(string query = "")
    {
        await page.GotoAsync("/compose" + query);
    }

    /// <summary>Opens Write from the top bar (within the live page) and waits until the form is ready.</summary>
    public async Task OpenFromNavigationAsync()
    {
        await page.Locator("#nav-compose").ClickAsync();
        await WaitUntilReadyAsync();
    }

    /// <summary>
    /// Waits until the page is live and has decided what the form holds (a saved draft, a reply): only then do file
    /// pickers and Send work.
    /// </summary>
    public Task WaitUntilReadyAsync() => Ready.WaitForAsync();

    /// <summary>Types as a person does, key by key, so every keystroke lands wherever the page is at that moment.</summary>
    public async Task TypeAsync(string to, string subject, string body, string cc = "", string bcc = "")
    {
        foreach (var (field, text) in new[] { (To, to), (Cc, cc), (Bcc, bcc), (Subject, subject), (Body, body) })
        {
            if (text.Length > 0)
            {
                await field.PressSequentiallyAsync(text);
            }
        }
    }

    public async Task SendAsync()
    {
        await SendButton.ClickAsync();
        await Assertions.Expect(Sent).ToBeVisibleAsync();
    }
}
