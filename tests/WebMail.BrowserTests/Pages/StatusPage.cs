using Microsoft.Playwright;

namespace WebMail.BrowserTests.Pages;

/// <summary>The mail servers' status page.</summary>
public sealed class StatusPage(IPage page)
{
    public static StatusPage Of(IPage page) => new(page);

    public ILocator Rows => page.Locator("#mail-server-status tbody tr");

    public ILocator HealthyRows => page.Locator("#mail-server-status tr[data-healthy=true]");
}
