using WebMail.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests;

/// <summary>The app reads IMAP through a relay to Dovecot that the test can cut, as if the mail server went down.</summary>
public sealed class CuttableMailServerFixture : BrowserFixture
{
    public CuttableMailServerFixture()
        : this(new TcpRelay(DemoMailServer.ImapsPort))
    {
    }

    private CuttableMailServerFixture(TcpRelay relay)
        : base(WebMailServerFactory.With(new() { ["Mail:Domains:0:Imap:Port"] = relay.Port.ToString() })) => Relay = relay;

    public TcpRelay Relay { get; }

    public override async Task DisposeAsync()
    {
        Relay.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>The mail server goes away in the middle of a session: the user is told, and loses nothing.</summary>
public sealed class MailServerDownTests(CuttableMailServerFixture browser, ITestOutputHelper output) : IClassFixture<CuttableMailServerFixture>
{
    [Fact]
    public async Task MailServerGoesDown_RefreshSaysSo_AndTheListStays()
    {
        var user = DemoMailServer.NewTestAccount("serverdown");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Plain("Read before the outage")], CancellationToken.None);
        var page = await browser.SignedInPageAsync(user, "Imap");
        await Expect(page.Locator("#message-list a")).ToHaveCountAsync(1);

        browser.Relay.Cut();
        await page.Locator("#refresh").ClickAsync();

        var problem = page.Locator("#mail-problem");
        await Expect(problem).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Contains(await problem.GetAttributeAsync("data-problem"), new[] { "Unreachable", "Timeout" });
        await Expect(page.Locator("#message-list a", new() { HasText = "Read before the outage" })).ToBeVisibleAsync();

        // Opening a message that was never fetched says so too, and the page keeps serving.
        await page.Locator("#message-list a").First.ClickAsync();
        await Expect(page.Locator(".mail-reader #mail-problem")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("main[data-interactive=true]")).ToBeVisibleAsync();
    }
}
