using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace WebMail.ComponentTests;

/// <summary>
/// What every component test starts from: the real localizer and resources in one UI language. A test adds its
/// fakes, then calls <see cref="GoLive"/> (which reads services, so nothing can be added after it).
/// </summary>
public abstract class ComponentTest : BunitContext
{
    protected ComponentTest(string culture = "en-US")
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Services.AddSingleton<WebMail.Client.Services.IMailFiltersService>(MailFilters);
        Services.AddSingleton<WebMail.Client.Services.IReadReceiptService>(Receipts);
        Services.AddSingleton<WebMail.Client.Services.IContactsService>(ContactBook);
    }

    /// <summary>The address book the contacts page and the reader's "Add to contacts" see.</summary>
    protected FakeContacts ContactBook { get; } = new();

    /// <summary>The read receipts the reader sends or declines.</summary>
    protected FakeReadReceipts Receipts { get; } = new();

    /// <summary>The away message and filters the pages, the list's notice and the reader see.</summary>
    protected FakeMailFilters MailFilters { get; } = new();

    /// <summary>Renders as in a live circuit (interactive server), with JavaScript calls answered loosely.</summary>
    protected void GoLive()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }
}
