using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests;

/// <summary>
/// Being kind to the mail server: several tabs of one signed-in user are one session, so they share its one IMAP
/// connection (Dovecot counts connections per user and address and refuses past its limit, 10 by default).
/// </summary>
public sealed class SharedConnectionTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;

    [Fact]
    public async Task ThreeTabsOfOneUser_ReadingAtOnce_UseOneImapConnection_AreThreeCircuitsInMetrics_AndSigningOutInOneEndsThemAll()
    {
        var user = DemoMailServer.NewTestAccount("tabs");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Plain("First"), TestMessages.Plain("Second")], _timeout);
        var first = await browser.SignedInPageAsync(user, "Imap");
        var tabs = new[] { first, await first.Context.NewPageAsync(), await first.Context.NewPageAsync() };

        foreach (var (tab, i) in tabs.Select((tab, i) => (tab, i)))
        {
            if (i > 0)
            {
                await tab.GotoAsync("/");
            }

            await AppShell.Of(tab).Live.WaitForAsync();
            await MailboxPage.Of(tab).RowLinks.Nth(i % 2).ClickAsync();
            await Expect(MessagePane.Of(tab).Subject).ToHaveTextAsync(i % 2 == 0 ? "Second" : "First");
        }

        // The sign-in's own check connection has logged out by now or soon; the session keeps exactly one.
        Assert.Equal(1, await SettledConnectionCountAsync(user, expected: 1));

        // Three live pages are three circuits on the instance, which its metrics report to whoever sizes it. (Other
        // tests' servers in this process may add series of their own: the sum counts at least these three.)
        // Scraped until it says so (for up to 10 s): once, under CI's load, a scrape right after the third tab went
        // live still counted two.
        using var scraper = new HttpClient { BaseAddress = browser.App.ManagementAddress };
        var active = await ActiveCircuitsAsync(scraper);
        for (var i = 0; i < 20 && active.Sum(m => int.Parse(m.Groups[1].Value)) < 3; i++)
        {
            await Task.Delay(500, _timeout);
            active = await ActiveCircuitsAsync(scraper);
        }

        Assert.NotEmpty(active);
        Assert.True(active.Sum(m => int.Parse(m.Groups[1].Value)) >= 3, string.Join("; ", active.Select(m => m.Value)));

        // Signing out in one tab ends the session everywhere: another tab's next action leads to sign-in.
        await AppShell.Of(tabs[1]).SignOut.ClickAsync();
        await tabs[1].WaitForURLAsync("**/signin**");
        await MailboxPage.Of(tabs[2]).RefreshButton.ClickAsync();
        await tabs[2].WaitForURLAsync("**/signin?expired=true");
        await Expect(SignInPage.Of(tabs[2]).Problem).ToBeVisibleAsync();
        Assert.Equal(0, await SettledConnectionCountAsync(user, expected: 0));
    }

    private async Task<IReadOnlyList<System.Text.RegularExpressions.Match>> ActiveCircuitsAsync(HttpClient scraper) =>
        System.Text.RegularExpressions.Regex.Matches(
            await scraper.GetStringAsync("/metrics", _timeout), @"^aspnetcore_components_circuit_active\S* (\d+)",
            System.Text.RegularExpressions.RegexOptions.Multiline);

    /// <summary>Dovecot's count once it reaches <paramref name="expected"/>, or after 10 s whatever it is then.</summary>
    private async Task<int> SettledConnectionCountAsync(string user, int expected)
    {
        var count = -1;
        for (var i = 0; i < 40 && count != expected; i++)
        {
            count = await DemoMailServer.ImapConnectionsAsync(user, _timeout);
            if (count != expected)
            {
                await Task.Delay(250, _timeout);
            }
        }

        return count;
    }
}
