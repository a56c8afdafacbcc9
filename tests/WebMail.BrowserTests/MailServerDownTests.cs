using WebMail.BrowserTests.Pages;
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
        await new MailTestClients(output).AppendAsync(
            user, [TestMessages.Plain("Read before the outage"), TestMessages.Plain("Listed before the outage")], CancellationToken.None);
        var page = await browser.SignedInPageAsync(user, "Imap");
        await Expect(MailboxPage.Of(page).MessageLinks).ToHaveCountAsync(2);

        browser.Relay.Cut();
        await MailboxPage.Of(page).RefreshButton.ClickAsync();

        var problem = MailboxPage.Of(page).Problem;
        await Expect(problem).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Contains(await problem.GetAttributeAsync("data-problem"), new[] { "Unreachable", "Timeout" });
        await Expect(MailboxPage.Of(page).MessageLink("Read before the outage")).ToBeVisibleAsync();

        // Opening a message that was never fetched says so too, and the page keeps serving. (Not the top row: the
        // newest message is fetched ahead at sign-in, so it may well open from the session's cache.)
        await MailboxPage.Of(page).MessageLinks.Nth(1).ClickAsync();
        await Expect(MessagePane.Of(page).Problem).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(AppShell.Of(page).Live).ToBeVisibleAsync();
    }
}
