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
    public ILocator To => page.Locator("#to");

    public ILocator Cc => page.Locator("#cc");

    public ILocator Bcc => page.Locator("#bcc");

    public ILocator Subject => page.Locator("#subject");

    public ILocator Body => page.Locator("#body");

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
