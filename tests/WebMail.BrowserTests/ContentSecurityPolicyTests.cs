using System.Collections.Concurrent;
using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.BrowserTests;

/// <summary>The app's strict policy holds and costs nothing: no page of a normal journey trips it.</summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task NormalJourney_UnderTheStrictPolicy_HasNoViolationsAndStaysInteractive()
    {
        var user = DemoMailServer.NewTestAccount("csp");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Html("html"), TestMessages.Plain("plain")], CancellationToken.None);
        var page = await browser.NewPageAsync();
        var problems = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            // The message's tracking pixel being refused is the body policy doing its job, not a fault of the app.
            if (message.Type == "error" && !message.Text.Contains("https://tracker.example/", StringComparison.Ordinal))
            {
                problems.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Enqueue(error);

        var signIn = await page.GotoAsync("/signin");
        Assert.Contains("frame-ancestors 'none'", await signIn!.HeaderValueAsync("content-security-policy"));
        await BrowserFixture.SignInAsync(page, user);
        // Newest first: the plain message (appended last) is first, the HTML one second.
        await MailboxPage.Of(page).MessageLinks.Nth(1).ClickAsync();
        await Assertions.Expect((await MessagePane.Of(page).HtmlBodyAsync()).Locator("b")).ToHaveTextAsync("bold");
        await MessagePane.Of(page).Reply.ClickAsync();
        await Assertions.Expect(ComposePage.Of(page).Subject).ToHaveValueAsync("Re: html");
        await AppShell.Of(page).Brand.ClickAsync();
        await MailboxPage.Of(page).MessageLinks.Nth(0).ClickAsync();
        await Assertions.Expect(MessagePane.Of(page).Text).ToContainTextAsync("Plain body line one.");

        Assert.Empty(problems);
    }
}
