using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using WebMail.Testing.Quirks;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests.Compatibility;

/// <summary>
/// The journey a student makes — sign in, read, search in Chinese, send — through each server that cannot run here,
/// reproduced by the quirk relay in front of Dovecot, and through the real Cyrus (issue 17).
/// </summary>
public static class QuirkyServerJourney
{
    public static Task RunAsync(QuirkyServerFixture browser, ITestOutputHelper output, bool bodyNotSearched) =>
        RunAsync(browser, browser.Relay, new MailTestClients(output), output, bodyNotSearched);

    /// <param name="server">Where the student's mail is put before the journey (the server the app reads).</param>
    /// <param name="relay">The quirk relay in between, whose commands are written to the output; none for a real server.</param>
    public static async Task RunAsync(BrowserFixture browser, ImapQuirkRelay? relay, MailTestClients server, ITestOutputHelper output, bool bodyNotSearched)
    {
        var user = DemoMailServer.NewTestAccount("journey");
        var start = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.FromHours(8));
        await server.AppendAsync(user, [
            TestMessages.Sent("期末考试安排", "jw@school.test", start, "教务处", body: "第十八周开始。"),
            TestMessages.Sent("Library hours", "lib@school.test", start.AddDays(1), "图书馆"),
        ], CancellationToken.None);
        var page = await browser.SignedInPageAsync(user, "Imap");
        var mailbox = MailboxPage.Of(page);
        try
        {
            await Expect(mailbox.MessageLinks).ToHaveCountAsync(2);

            await mailbox.SearchBox.FillAsync("期末");
            await mailbox.SearchButton.ClickAsync();
            await Expect(mailbox.MessageLinks).ToHaveCountAsync(1);
            await Expect(mailbox.BodyNotSearched).ToHaveCountAsync(bodyNotSearched ? 1 : 0);
            await mailbox.MessageLink("期末考试安排").ClickAsync();
            await Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("期末考试安排");
            await Expect(MessagePane.Of(page).Text).ToContainTextAsync("第十八周开始。");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"journey-{browser.GetType().Name}.png") });

            var compose = ComposePage.Of(page);
            await compose.OpenFromNavigationAsync();
            await compose.TypeAsync(user, "收到", "谢谢老师。");
            await compose.SendAsync();
            // The copy is kept in the folder the server uses for sent mail, whatever that server calls it.
            await WaitForSentCopyAsync(server, user);
        }
        finally
        {
            foreach (var command in relay?.Commands ?? [])
            {
                output.WriteLine("C (through the relay): " + command);
            }
        }
    }

    private static async Task WaitForSentCopyAsync(MailTestClients server, string user)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using (var imap = await server.ImapAsync(user, DemoMailServer.TestPassword, timeout.Token))
            {
                var sent = await imap.GetFolderAsync("Sent", timeout.Token);
                await sent.StatusAsync(MailKit.StatusItems.Count, timeout.Token);
                if (sent.Count > 0)
                {
                    return;
                }
            }

            await Task.Delay(250, timeout.Token);
        }
    }
}

public sealed class CoremailJourneyTests(CoremailFixture browser, ITestOutputHelper output) : IClassFixture<CoremailFixture>
{
    [Fact]
    public Task Journey_Coremail_SignInReadSearchSend() => QuirkyServerJourney.RunAsync(browser, output, bodyNotSearched: false);
}

public sealed class TencentExmailJourneyTests(TencentExmailFixture browser, ITestOutputHelper output) : IClassFixture<TencentExmailFixture>
{
    [Fact]
    public Task Journey_TencentExmail_SignInReadSearchSend() => QuirkyServerJourney.RunAsync(browser, output, bodyNotSearched: false);
}

public sealed class ExchangeJourneyTests(ExchangeFixture browser, ITestOutputHelper output) : IClassFixture<ExchangeFixture>
{
    [Fact]
    public Task Journey_Exchange_SignInReadSearchSendAndSaysTheTextWasNotSearched() =>
        QuirkyServerJourney.RunAsync(browser, output, bodyNotSearched: true);
}

public sealed class CoremailChineseFoldersJourneyTests(CoremailChineseFoldersFixture browser, ITestOutputHelper output) : IClassFixture<CoremailChineseFoldersFixture>
{
    [Fact]
    public Task Journey_CoremailWithChineseFolderNames_SignInReadSearchSend() => QuirkyServerJourney.RunAsync(browser, output, bodyNotSearched: false);
}

public sealed class XlistOnlyJourneyTests(XlistOnlyFixture browser, ITestOutputHelper output) : IClassFixture<XlistOnlyFixture>
{
    [Fact]
    public Task Journey_XlistOnlyServer_SignInReadSearchSend() => QuirkyServerJourney.RunAsync(browser, output, bodyNotSearched: false);
}

/// <summary>The app reads IMAP from the real Cyrus (scripts/cyrus.sh).</summary>
public sealed class CyrusFixture() : BrowserFixture(WebMailServerFactory.With(new() { ["Mail:Domains:0:Imap:Port"] = DemoMailServer.CyrusImapsPort.ToString() }));

public sealed class CyrusJourneyTests(CyrusFixture browser, ITestOutputHelper output) : IClassFixture<CyrusFixture>
{
    [Fact]
    public Task Journey_Cyrus_SignInReadSearchSend() =>
        QuirkyServerJourney.RunAsync(browser, null, new MailTestClients(output, DemoMailServer.CyrusDomainOptions()), output, bodyNotSearched: false);
}
