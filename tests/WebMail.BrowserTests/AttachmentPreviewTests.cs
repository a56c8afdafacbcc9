using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests;

/// <summary>
/// Attachments shown without downloading them (issue 22): a PDF drawn by pdf.js, pictures, a GBK CSV as a table and
/// text as text, one after another; nothing leaves for another site and no script from the files runs, neither from
/// the PDF (a document-open JavaScript action) nor from an SVG picture (onload and a script element), even when its
/// preview URL is opened directly.
/// </summary>
public sealed class AttachmentPreviewTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string ScriptTarget = "http://tracker.invalid";
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;

    [Fact]
    public async Task Preview_PdfPicturesTableAndText_NoRequestLeaves_NoScriptRuns()
    {
        var user = DemoMailServer.NewTestAccount("preview");
        await new MailTestClients(output).AppendAsync(user, [PreviewMessages.All("课件与成绩", ScriptTarget)], _timeout);
        var page = await browser.NewPageAsync(locale: "zh-CN");
        var left = await RecordRequestsLeavingAsync(page);
        var dialogs = 0;
        page.Context.Page += (_, opened) => opened.Dialog += (_, _) => dialogs++;
        page.Dialog += (_, _) => dialogs++;
        page.Console += (_, message) => output.WriteLine($"console {message.Type}: {message.Text}"); // pdf.js's own words when it fails
        await BrowserFixture.SignInAsync(page, user);
        var viewer = AttachmentViewerPane.Of(page);

        await MailboxPage.Of(page).MessageLinks.First.ClickAsync();
        await Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("课件与成绩");
        await Expect(viewer.PreviewButton(PreviewMessages.WordFileName)).ToHaveCountAsync(0); // Word stays a download
        await viewer.PreviewButton(PreviewMessages.PdfFileName).ClickAsync();

        await Expect(viewer.Title).ToBeFocusedAsync();
        await Expect(viewer.Pdf.Locator("body")).ToHaveAttributeAsync("data-drawn", "3", new() { Timeout = 30_000 });
        await Expect(viewer.Pdf.Locator(".page")).ToHaveCountAsync(3);
        await Expect(viewer.Pdf.Locator(".page").First).ToHaveAttributeAsync("aria-label", "第 1 页，共 3 页");
        await Expect(viewer.Pdf.Locator(".textLayer").Nth(0)).ToContainTextAsync("WebMail preview page one");
        // The Chinese page's font is not embedded: its text comes through pdf.js's GB character maps.
        await Expect(viewer.Pdf.Locator(".textLayer").Nth(2)).ToContainTextAsync(PreviewMessages.ChinesePdfText);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "preview-pdf-zh.png") });

        await viewer.Next.ClickAsync();
        await Expect(viewer.Title).ToContainTextAsync(PreviewMessages.PngFileName);
        await Expect(viewer.Image).ToHaveJSPropertyAsync("naturalWidth", 1);

        await viewer.Next.ClickAsync();
        await Expect(viewer.Title).ToContainTextAsync(PreviewMessages.SvgFileName);
        await Expect(viewer.Image).ToHaveJSPropertyAsync("naturalWidth", 40); // drawn, as a picture only

        await viewer.Next.ClickAsync();
        await Expect(viewer.Table.Locator("th")).ToHaveTextAsync(["姓名", "学号", "成绩"]);
        await Expect(viewer.Table.Locator("tbody tr").Nth(1).Locator("td").First).ToHaveTextAsync("李, 娜");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "preview-csv-zh.png") });

        await viewer.Next.ClickAsync();
        await Expect(viewer.Text).ToContainTextAsync("第一行：请于周五前提交。");
        await Expect(viewer.Text).ToContainTextAsync("<b>not bold</b>"); // shown, not interpreted

        await viewer.Next.ClickAsync();
        await Expect(viewer.Title).ToContainTextAsync(PreviewMessages.WavFileName);
        // The sound loaded and can be played: its length is known (half a second).
        await page.WaitForFunctionAsync("() => document.querySelector('#preview-audio')?.readyState >= 1");
        Assert.InRange(await viewer.Audio.EvaluateAsync<double>("a => a.duration"), 0.4, 0.6);
        await Expect(viewer.Next).ToBeDisabledAsync();

        await page.Keyboard.PressAsync("Escape");
        await Expect(viewer.Viewer).ToHaveCountAsync(0);
        await Expect(MessagePane.Of(page).Text).ToContainTextAsync("Attachments to preview.");

        // Opened directly, the SVG's own URL still runs nothing: its policy says "sandbox".
        var svgUrl = await viewer.DownloadLink(PreviewMessages.SvgFileName).GetAttributeAsync("href");
        var direct = await page.Context.NewPageAsync();
        var response = await direct.GotoAsync(new Uri(browser.BaseAddress, svgUrl + "/preview").ToString());
        Assert.Equal("image/svg+xml", response!.Headers["content-type"]);
        Assert.StartsWith("sandbox", response.Headers["content-security-policy"], StringComparison.Ordinal);
        await direct.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.DoesNotContain("script ran", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("script ran", await direct.TitleAsync(), StringComparison.Ordinal);
        Assert.Empty(left);
        Assert.Equal(0, dialogs);
    }

    /// <summary>What reaches the network for another host (a request a page's policy blocks never gets here).</summary>
    private async Task<List<string>> RecordRequestsLeavingAsync(IPage page)
    {
        var left = new List<string>();
        await page.Context.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).Host == browser.BaseAddress.Host)
            {
                await route.ContinueAsync();
            }
            else
            {
                lock (left)
                {
                    left.Add(route.Request.Url);
                }

                await route.AbortAsync();
            }
        });
        return left;
    }
}
