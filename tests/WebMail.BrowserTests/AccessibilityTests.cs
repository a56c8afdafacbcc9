using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests;

/// <summary>
/// axe-core (from the npm registry) run inside Chromium on the sign-in page, inbox, message view, compose page, away
/// message and filters pages,
/// in English and Chinese, light and dark: no serious or critical WCAG 2.1 A/AA violation.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string AxeVersion = "4.14.1";
    private static readonly Lazy<Task<string>> AxeSource = new(async () =>
        Encoding.UTF8.GetString((await NpmPackage.FilesAsync("axe-core", AxeVersion))["axe.min.js"]));

    public static TheoryData<string, ColorScheme> Variants => new()
    {
        { "en-US", ColorScheme.Light },
        { "en-US", ColorScheme.Dark },
        { "zh-CN", ColorScheme.Light },
        { "zh-CN", ColorScheme.Dark },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task EveryMainPage_HasNoSeriousOrCriticalViolations(string locale, ColorScheme scheme)
    {
        var user = DemoMailServer.NewTestAccount("a11y");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Gb2312(), TestMessages.WithAttachment("Lab report", [1, 2, 3]), TestMessages.Html("Newsletter"), PreviewMessages.All("Scores", "http://tracker.invalid")], CancellationToken.None);
        var page = await browser.NewPageAsync(locale: locale, colorScheme: scheme);
        var found = new List<string>();

        await page.GotoAsync("/signin");
        found.AddRange(await ViolationsAsync(page, "sign-in"));

        await BrowserFixture.SignInAsync(page, user);
        await MailboxPage.Of(page).MessageList.WaitForAsync();
        found.AddRange(await ViolationsAsync(page, "inbox"));

        await MailboxPage.Of(page).MessageLinks.Last.ClickAsync();
        await MessagePane.Of(page).Subject.WaitForAsync();
        found.AddRange(await ViolationsAsync(page, "message"));

        await MailboxPage.Of(page).RowLinks.Filter(new() { HasText = "Scores" }).ClickAsync();
        await AttachmentViewerPane.Of(page).PreviewButton(PreviewMessages.CsvFileName).ClickAsync();
        await AttachmentViewerPane.Of(page).Table.WaitForAsync();
        found.AddRange(await ViolationsAsync(page, "attachment preview, a table"));
        await AttachmentViewerPane.Of(page).PreviewButton(PreviewMessages.PdfFileName).ClickAsync();
        await Expect(AttachmentViewerPane.Of(page).Pdf.Locator("body")).ToHaveAttributeAsync("data-drawn", "3");
        found.AddRange(await ViolationsAsync(page, "attachment preview, a PDF"));

        await new ComposePage(page).OpenFromNavigationAsync();
        found.AddRange(await ViolationsAsync(page, "compose"));
        await ComposePage.Of(page).To.PressSequentiallyAsync("not an address, sen"); // an invalid chip, and the sender of the mail listed suggested
        await ComposePage.Of(page).ToSuggestions.First.WaitForAsync();
        found.AddRange(await ViolationsAsync(page, "compose, a chip and suggestions"));
        await ComposePage.Of(page).To.PressAsync("Escape");
        await ComposePage.Of(page).RichTextMode.ClickAsync();
        await ComposePage.Of(page).RichBody.WaitForAsync();
        found.AddRange(await ViolationsAsync(page, "compose, rich text"));

        await ContactsPage.Of(page).OpenAsync();
        await page.Locator("#group-new").ClickAsync();
        await page.Locator("#group-members").PressSequentiallyAsync("someone@school.test,");
        found.AddRange(await ViolationsAsync(page, "contacts, a group being made"));

        await AwayPage.Of(page).OpenFromSettingsAsync();
        await AwayPage.Of(page).On.CheckAsync();
        found.AddRange(await ViolationsAsync(page, "away message"));
        await page.GotoAsync("/filters");
        await FiltersSettingsPage.Of(page).Live.WaitForAsync();
        await FiltersSettingsPage.Of(page).AddRule.ClickAsync();
        await FiltersSettingsPage.Of(page).RuleName.WaitForAsync();
        found.AddRange(await ViolationsAsync(page, "filters, a rule being edited"));

        await AppShell.Of(page).Brand.ClickAsync();
        await MailboxPage.Of(page).MessageList.WaitForAsync();
        await page.Keyboard.PressAsync("?");
        await Expect(AppShell.Of(page).ShortcutHelp).ToBeVisibleAsync();
        found.AddRange(await ViolationsAsync(page, "shortcut help"));

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    private static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string name)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            // Evaluated through the browser's debugging protocol, which the page's script policy does not govern.
            await page.EvaluateAsync(await AxeSource.Value);
        }

        // Measure the page at rest: no colour halfway through a transition, no button still disabled while loading
        // (Save filters stays disabled while a rule is being edited, by design; so do Previous and Next in the attachment preview at either end).
        await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });
        await page.WaitForFunctionAsync("() => !document.querySelector('main .btn[disabled]:not(#newer-page):not(#older-page):not(#filters-save):not(#preview-previous):not(#preview-next)')");
        var json = await page.EvaluateAsync<string>(
            """
            async () => {
                const result = await axe.run(document, {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                    iframes: false,
                });
                return JSON.stringify(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | ')}`));
            }
            """);
        return JsonSerializer.Deserialize<string[]>(json)!.Select(v => $"{name}: {v}").ToList();
    }
}
