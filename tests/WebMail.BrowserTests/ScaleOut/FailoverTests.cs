using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.BrowserTests.ScaleOut;

/// <summary>A user whose instance goes away carries on, on the other instance, through nginx.</summary>
public sealed class FailoverTests(ScaleOutFixture fixture, ITestOutputHelper output) : IClassFixture<ScaleOutFixture>
{
    [Fact]
    public async Task InstanceStops_UserCarriesOnOnTheOther_StillSignedIn_WithTheUnsentDraft()
    {
        // POP3: the draft has no copy on the mail server, so only the shared session store can bring it back.
        var user = DemoMailServer.NewTestAccount("failover");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Plain("Waiting before the failover")], CancellationToken.None);
        var page = await fixture.SignedInPageAsync(user, "Pop3");
        await AppShell.Of(page).Write.ClickAsync();
        await AppShell.Of(page).Live.WaitForAsync();
        await ComposePage.Of(page).To.FillAsync($"someone@{DemoMailServer.Domain}");
        await ComposePage.Of(page).Subject.FillAsync("Thesis draft, chapter 3");
        await ComposePage.Of(page).Body.PressSequentiallyAsync("Not sent yet: 第三章的初稿");
        await page.WaitForTimeoutAsync(2500); // the form saves the draft a second after the last keystroke

        var before = await UpstreamAsync(page);
        await page.EvaluateAsync("() => window.beforeFailover = true");
        await fixture.InstanceAt(before).DisposeAsync();

        // The circuit drops; Blazor reconnects through nginx to the other instance, which does not know the
        // circuit, so the page reloads there — signed in, with the draft offered back.
        await page.WaitForFunctionAsync("() => window.beforeFailover === undefined", null, new() { Timeout = 60_000 });
        await AppShell.Of(page).Live.WaitForAsync();
        await Assertions.Expect(ComposePage.Of(page).DraftRestored).ToBeVisibleAsync();
        await Assertions.Expect(ComposePage.Of(page).Subject).ToHaveValueAsync("Thesis draft, chapter 3");
        await ComposePage.Of(page).ExpectToAsync($"someone@{DemoMailServer.Domain}");
        await Assertions.Expect(ComposePage.Of(page).Body).ToHaveValueAsync("Not sent yet: 第三章的初稿");
        await Assertions.Expect(AppShell.Of(page).SignedInUser).ToHaveTextAsync(user);
        Assert.NotEqual(before, await UpstreamAsync(page));

        // And keeps working there: the inbox opens and lists the mail.
        await page.GotoAsync("/");
        await Assertions.Expect(MailboxPage.Of(page).Row("Waiting before the failover")).ToBeVisibleAsync();
    }

    /// <summary>Which instance serves this browser's requests (nginx names it in a header the test config adds).</summary>
    private static async Task<string> UpstreamAsync(IPage page) =>
        await page.EvaluateAsync<string>("async () => (await fetch('/health/live', { credentials: 'same-origin' })).headers.get('X-WebMail-Upstream')");
}
