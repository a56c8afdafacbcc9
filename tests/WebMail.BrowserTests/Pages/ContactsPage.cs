using Microsoft.Playwright;

namespace WebMail.BrowserTests.Pages;

/// <summary>The address book page.</summary>
public sealed class ContactsPage(IPage page)
{
    public static ContactsPage Of(IPage page) => new(page);

    public ILocator Names => page.Locator("#contact-list .contact-label");

    public ILocator None => page.Locator("#no-contacts");

    public ILocator Status => page.Locator("#contacts-status");

    public ILocator Search => page.Locator("#contacts-search");

    public ILocator Import => page.Locator("#contacts-import");

    public ILocator ExportVCard => page.Locator("#contacts-export-vcf");

    public ILocator Item(string name) => page.Locator("#contact-list li", new() { Has = page.Locator(".contact-label", new() { HasTextString = name }) });

    public async Task OpenAsync()
    {
        await page.GotoAsync("/contacts");
        await page.Locator("main[data-interactive=true] #contact-new:enabled").WaitForAsync();
    }

    /// <summary>Imports files through the real file chooser, as a person picks them.</summary>
    public async Task ImportAsync(params FilePayload[] files)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() => Import.ClickAsync());
        await chooser.SetFilesAsync(files);
    }
}
