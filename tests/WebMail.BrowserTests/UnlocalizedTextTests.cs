using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.BrowserTests;

/// <summary>
/// Every page, rendered for a Chinese browser, shows no English UI text: visible text and the names screen readers
/// read (aria-label, title, placeholder) are searched for Latin words. Mail content, addresses, protocol names,
/// key names and the language switch ("English", named in itself) are allowed.
/// </summary>
public sealed partial class UnlocalizedTextTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "WebMail", "English", "IMAP", "POP3", "POP", "SMTP", "TLS", "STARTTLS", "SSL", "KB", "MB", "GB",
        "Ctrl", "Enter", "Shift", "Delete", "Esc", "UTF",
        "eml", "zip", // file types, named as the files are ("下载邮件（.eml）")
    };

    [Fact]
    public async Task ChinesePages_ShowNoEnglishUiText()
    {
        var user = DemoMailServer.NewTestAccount("zh");
        var ids = await new MailTestClients(output).AppendAsync(user, [TestMessages.Gb2312()], CancellationToken.None);
        var page = await browser.NewPageAsync(locale: "zh-CN");
        var found = new List<string>();

        await page.GotoAsync("/signin");
        found.AddRange(await EnglishWordsAsync(page, "sign-in", user));
        await BrowserFixture.SignInAsync(page, user);
        await MailboxPage.Of(page).MessageList.WaitForAsync();
        await MailboxPage.Of(page).AdvancedSearchToggle.ClickAsync();
        found.AddRange(await EnglishWordsAsync(page, "inbox", user));

        await MailboxPage.Of(page).RowCheckboxes.First.CheckAsync();
        await MailboxPage.Of(page).SelectionCount.WaitForAsync();
        found.AddRange(await EnglishWordsAsync(page, "selection", user));

        await MailboxPage.Of(page).MessageLinks.First.ClickAsync();
        await MessagePane.Of(page).Subject.WaitForAsync();
        found.AddRange(await EnglishWordsAsync(page, "message", user));

        await MessagePane.Of(page).Reply.ClickAsync();
        await ComposePage.Of(page).Form.WaitForAsync();
        found.AddRange(await EnglishWordsAsync(page, "compose", user));

        await page.GotoAsync("/away");
        await AwayPage.Of(page).Form.WaitForAsync();
        found.AddRange(await EnglishWordsAsync(page, "away message", user));

        await page.GotoAsync("/filters");
        await FiltersSettingsPage.Of(page).Live.WaitForAsync();
        await FiltersSettingsPage.Of(page).AddRule.ClickAsync();
        await FiltersSettingsPage.Of(page).RuleName.WaitForAsync();
        found.AddRange(await EnglishWordsAsync(page, "filters", user));

        await page.GotoAsync("/status");
        await AppShell.Of(page).Live.WaitForAsync();
        found.AddRange(await EnglishWordsAsync(page, "status", user));

        await page.GotoAsync("/no-such-page");
        found.AddRange(await EnglishWordsAsync(page, "not found", user));

        Assert.True(found.Count == 0, string.Join("\n", found));
        Assert.NotEmpty(ids);
    }

    [Fact]
    public async Task TheCheck_FindsEnglishWhereThereIsSome()
    {
        var page = await browser.NewPageAsync(locale: "en-US");
        await page.GotoAsync("/signin");

        var found = (await EnglishWordsAsync(page, "sign-in", "nobody")).ToList();

        Assert.Contains(found, f => f.Contains("Password", StringComparison.Ordinal));
    }

    private static async Task<IEnumerable<string>> EnglishWordsAsync(IPage page, string name, string user)
    {
        // Hidden dialogs (the shortcut list) count too: they are part of the page a screen reader may reach.
        var json = await page.EvaluateAsync<string>(
            """
            () => {
                const texts = [document.title, document.body.innerText, document.getElementById('shortcut-help')?.textContent ?? ''];
                for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
                    texts.push(element.getAttribute('aria-label') ?? '', element.getAttribute('title') ?? '', element.getAttribute('placeholder') ?? '');
                }
                return JSON.stringify(texts);
            }
            """);
        var text = string.Join("\n", JsonSerializer.Deserialize<string[]>(json)!);
        var words = Token().Matches(text).Select(m => m.Value)
            .Where(token => !token.Contains('@') && !token.Contains("school.test", StringComparison.Ordinal) && !token.Contains("://", StringComparison.Ordinal))
            .SelectMany(token => Latin().Matches(token).Select(m => m.Value))
            .Where(word => !Allowed.Contains(word) && !user.Contains(word, StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .ToList();
        return words.Count == 0 ? [] : [$"{name}: {string.Join(", ", words)}"];
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Token();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();
}
