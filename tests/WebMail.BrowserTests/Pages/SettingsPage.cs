using Microsoft.Playwright;

namespace WebMail.BrowserTests.Pages;

/// <summary>The settings page: the name on mail, signatures, language, and the user's data.</summary>
public sealed class SettingsPage(IPage page)
{
    public static SettingsPage Of(IPage page) => new(page);

    public ILocator DisplayName => page.Locator("#display-name");

    public ILocator FromPreview => page.Locator("#display-name-help");

    public ILocator AddSignature => page.Locator("#add-signature");

    public ILocator SignatureName(int index) => page.Locator($"#signature-name-{index}");

    public ILocator SignatureText(int index) => page.Locator($"#signature-text-{index}");

    /// <summary>Makes signature <paramref name="index"/> formatted (a rich-text editor instead of the text box).</summary>
    public ILocator SignatureFormatted(int index) => page.Locator($"#signature-rich-{index}");

    /// <summary>The writing area of formatted signature <paramref name="index"/>.</summary>
    public ILocator SignatureEditor(int index) => page.Locator($"#signature-editor-{index}[contenteditable=true]");

    public ILocator SignatureEditorButton(int index, string command) =>
        page.Locator($".rich-editor:has(#signature-editor-{index}) button[data-rich={command}]");

    public ILocator WriteRich => page.Locator("#write-rich");

    public ILocator ReplyBelowQuote => page.Locator("#reply-below");

    /// <summary>Senders whose remote content is always shown.</summary>
    public ILocator TrustedSenders => page.Locator("#trusted-senders li");

    public ILocator Language => page.Locator("#settings-language");

    public ILocator Templates => page.Locator("#templates li");

    public ILocator Save => page.Locator("#save-settings");

    public ILocator Saved => page.Locator("#settings-saved");

    public ILocator Export => page.Locator("#export-settings");

    public ILocator ForgetMe => page.Locator("#forget-me");

    public ILocator ConfirmForget => page.Locator("#confirm-forget-yes");

    public ILocator Forgotten => page.Locator("#settings-forgotten");

    /// <summary>From the top bar, as a user gets there; waits until the form is live.</summary>
    public async Task OpenFromNavigationAsync()
    {
        await page.Locator("#nav-settings").ClickAsync();
        await page.Locator("main[data-interactive=true] #settings-form").WaitForAsync();
    }
}
