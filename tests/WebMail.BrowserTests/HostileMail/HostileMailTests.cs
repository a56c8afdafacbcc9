using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests.HostileMail;

/// <summary>
/// Every hostile message is delivered to a real mailbox and opened through the real webmail in Chromium, with
/// remote content blocked (the default). None may run script in the webmail, open a dialog or pop-up, make a request
/// to another host, keep an element that could, cover the webmail's own controls, or stop the page responding.
/// </summary>
public sealed class HostileMailTests(HostileMailFixture fixture) : IClassFixture<HostileMailFixture>
{
    // The frame's own document has two harmless metas (charset, referrer) in its head; nothing else of these may exist.
    private const string ActiveElements =
        "script, iframe, frame, object, embed, form, input, button, base, link, animate, set, use, foreignObject, body meta, " +
        // The body's own policy, which the webmail puts in the head of a body given with the render, is not the mail's.
        "meta[http-equiv]:not(head > meta[http-equiv='Content-Security-Policy'])";

    public static TheoryData<string> HtmlBodies => new(HostileHtmlBodies.All.Keys);

    [Theory]
    [MemberData(nameof(HtmlBodies))]
    public async Task HtmlBody_Opened_RunsNothingLeaksNothingAndCoversNothing(string name)
    {
        var page = fixture.Page;
        await OpenAsync(name);
        var pane = MessagePane.Of(page);
        await pane.HtmlBodyOf(fixture.IdOf(name)).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        ILocator body;
        if (await pane.InPageBody.CountAsync() > 0)
        {
            // Formatted text only, rebuilt by the webmail and shown in the page (InPageHtml): the same checks there.
            body = pane.InPageBody;
        }
        else
        {
            var frame = await BodyFrameAsync(name);
            // Small bodies come with the render, under the page's policy and the body's own in their head (BodyFrame);
            // the body's URL, with its policy as a header, serves the large ones (ExhaustingMailTests) and remote content.
            Assert.Equal("about:srcdoc", frame.Url);
            body = frame.Locator("html");
        }

        // Give load handlers, animations, refreshes and lazy requests their moment.
        await page.WaitForTimeoutAsync(400);

        Assert.Equal(0, await body.Locator(ActiveElements).CountAsync());
        foreach (var link in await body.Locator("a[href]").AllAsync())
        {
            var href = await link.GetAttributeAsync("href") ?? "";
            Assert.Matches("^(https?|mailto):", href);
            Assert.Equal("_blank", await link.GetAttributeAsync("target"));
            Assert.Equal("noopener noreferrer", await link.GetAttributeAsync("rel"));
            Assert.Null(await link.GetAttributeAsync("ping"));
        }

        await AssertWebmailUntouchedAsync();
    }

    [Fact]
    public async Task MarkupInSubjectAndSender_ShownAsTextInListTitleAndMessage()
    {
        var page = fixture.Page;
        await page.GotoAsync("/");
        await AppShell.Of(page).Live.WaitForAsync();
        var row = MailboxPage.Of(page).MessageLink(HostileMimeMessages.SubjectMarkup);
        await Expect(row).ToContainTextAsync(HostileMimeMessages.SenderMarkup);
        await Expect(MailboxPage.Of(page).MessageLink(HostileMimeMessages.EncodedSubjectMarkup)).ToHaveCountAsync(1);
        Assert.Equal(0, await MailboxPage.Of(page).ActiveContentInList.CountAsync());

        await row.ClickAsync();
        await Expect(MessagePane.Of(page).Subject).ToHaveTextAsync(HostileMimeMessages.SubjectMarkup);
        await Expect(MessagePane.Of(page).From).ToContainTextAsync(HostileMimeMessages.SenderMarkup);
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(HostileMimeMessages.SubjectMarkup)));
        await Expect(MessagePane.Of(page).Text).ToContainTextAsync("<script>top.__pwned=1</script>");

        await OpenAsync(HostileMimeMessages.EncodedSubjectMarkup);
        await Expect(MessagePane.Of(page).From).ToContainTextAsync(HostileMimeMessages.SenderMarkup);
        await AssertWebmailUntouchedAsync();
    }

    [Fact]
    public async Task DangerousAttachments_DownloadAsFilesWithSafeNames_NeverRender()
    {
        var page = fixture.Page;
        await OpenAsync("dangerous-attachments");
        var links = MessagePane.Of(page).AttachmentLinks;
        await Expect(links).ToHaveCountAsync(6);

        var shownNames = await links.AllInnerTextsAsync();
        Assert.All(shownNames, name => Assert.DoesNotMatch(@"[\u202A-\u202E\u2066-\u2069\u0000-\u001F/\\]", name));
        foreach (var link in await links.AllAsync())
        {
            var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            var saved = download.SuggestedFilename;
            Assert.DoesNotMatch(@"[\u202A-\u202E\u2066-\u2069\u0000-\u001F/\\]", saved);
            Assert.DoesNotContain("..", saved);
            await download.CancelAsync();
        }

        // The page is still the message: nothing navigated to an attachment and rendered it.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/message/"));
        await AssertWebmailUntouchedAsync();
    }

    [Fact]
    public async Task Watchers_SeeScriptAndRequestsWhenTheyHappen()
    {
        // The same watchers, shown that they do see: a marker set in the window, and the requests of a message
        // whose remote images the user chose to show.
        var page = fixture.Page;
        await OpenAsync("img-remote");
        await page.EvaluateAsync("() => { window.__pwned = 1; }");
        await MessagePane.Of(page).ShowRemoteContent.ClickAsync();
        await MessagePane.Of(page).Body.Locator("img").WaitForAsync();

        // The image request leaves when the frame's document loads it, which may be a moment after the element shows.
        var incidents = new List<string>();
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline && !incidents.Any(i => i.Contains("pixel.gif", StringComparison.Ordinal));)
        {
            await page.WaitForTimeoutAsync(200);
            incidents.AddRange(await fixture.TakeIncidentsAsync());
        }

        Assert.Contains("script ran in the webmail's window", incidents);
        Assert.Contains(incidents, i => i.StartsWith("request to http://evil.invalid/pixel.gif", StringComparison.Ordinal));
    }

    /// <summary>
    /// The frame showing this message's body, loaded (not the previous message's, still on its way out): given with the
    /// render (about:srcdoc, a small body) or from the body's URL.
    /// </summary>
    private async Task<IFrame> BodyFrameAsync(string subject)
    {
        var bodyUrl = $"/mail/messages/{fixture.IdOf(subject)}/body";
        var iframe = MessagePane.Of(fixture.Page).BodyFrameOf(fixture.IdOf(subject));
        await iframe.WaitForAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (await (await iframe.ElementHandleAsync()).ContentFrameAsync() is { } frame
                && (frame.Url == "about:srcdoc" || frame.Url.Contains(bodyUrl, StringComparison.Ordinal)))
            {
                await frame.WaitForLoadStateAsync(LoadState.Load);
                return frame;
            }

            Assert.True(DateTime.UtcNow < deadline,
                $"{bodyUrl} never loaded; frames: {string.Join(", ", fixture.Page.Frames.Select(f => f.Url))}");
            await Task.Delay(100);
        }
    }

    /// <summary>Opens a message by in-app navigation (one circuit for the whole class, as a reader would).</summary>
    private async Task OpenAsync(string subject)
    {
        var page = fixture.Page;
        if (!page.Url.StartsWith(fixture.App.BaseAddress.ToString(), StringComparison.Ordinal))
        {
            await page.GotoAsync("/");
        }

        await AppShell.Of(page).Live.WaitForAsync();
        await page.EvaluateAsync("url => Blazor.navigateTo(url)", $"/message/{fixture.IdOf(subject)}");
        await Expect(MessagePane.Of(page).Subject).ToHaveTextAsync(subject);
    }

    /// <summary>Nothing ran or leaked, the webmail's own buttons are on top where they belong, and the circuit answers.</summary>
    private async Task AssertWebmailUntouchedAsync()
    {
        var page = fixture.Page;
        var onTop = await page.EvaluateAsync<bool>(
            "() => ['#reply', '.navbar-brand'].every(s => { const e = document.querySelector(s); const r = e.getBoundingClientRect(); " +
            "return e.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); })");
        Assert.True(onTop, "the message covers the webmail's own controls");

        await MessagePane.Of(page).ViewSource.ClickAsync();
        await Expect(MessagePane.Of(page).Source).ToBeVisibleAsync();
        await MessagePane.Of(page).ViewSource.ClickAsync();

        Assert.Empty(await fixture.TakeIncidentsAsync());
    }
}
