using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Pages;
using WebMail.Client.Services;

namespace WebMail.ComponentTests;

/// <summary>The status page tells anyone whether the mail servers answer, and only signed-in users where they are.</summary>
public sealed class MailServersTests : ComponentTest
{
    private const string Endpoint = "imap.school.test:993 (TLS)";

    public MailServersTests()
    {
        Services.AddSingleton<IMailServerStatusService>(new OneServer());
    }

    [Fact]
    public void CheckNow_NotSignedIn_ShowsResultsWithoutServerAddresses()
    {
        AddAuthorization();

        var page = RenderLive();
        page.Find("button").Click();

        page.WaitForElement("#mail-server-status");
        Assert.Contains("IMAP", page.Find("#mail-server-status").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Endpoint, page.Markup, StringComparison.Ordinal);
        Assert.NotNull(page.Find("#server-addresses-hidden"));
    }

    [Fact]
    public void CheckNow_SignedIn_ShowsServerAddresses()
    {
        AddAuthorization().SetAuthorized("alice@school.test");

        var page = RenderLive();
        page.Find("button").Click();

        page.WaitForElement("#mail-server-status");
        Assert.Contains(Endpoint, page.Find("#mail-server-status").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#server-addresses-hidden"));
    }

    private IRenderedComponent<MailServers> RenderLive()
    {
        // After the authorization services: bUnit takes no registrations once it has resolved any.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<MailServers>();
    }

    private sealed class OneServer : IMailServerStatusService
    {
        public Task<IReadOnlyList<MailServerStatus>> CheckAllAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<MailServerStatus>>(
                [new MailServerStatus("school.test", "IMAP", Endpoint, MailProblem.None, TimeSpan.FromMilliseconds(12))]);
    }
}
