using System.Collections.Concurrent;
using Microsoft.Playwright;
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
        await page.Locator("#message-list a").Nth(1).ClickAsync();
        await Assertions.Expect(page.FrameLocator("iframe.message-frame").Locator("b")).ToHaveTextAsync("bold");
        await page.Locator("#reply").ClickAsync();
        await Assertions.Expect(page.Locator("#subject")).ToHaveValueAsync("Re: html");
        await page.Locator(".navbar-brand").ClickAsync();
        await page.Locator("#message-list a").Nth(0).ClickAsync();
        await Assertions.Expect(page.Locator(".message-text")).ToContainTextAsync("Plain body line one.");

        Assert.Empty(problems);
    }
}
