using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using static Microsoft.Playwright.Assertions;

namespace WebMail.BrowserTests;

public sealed class DirectoryBrowserFixture() : BrowserFixture(WebMailServerFactory.With(DemoDirectory.AppConfiguration()));

/// <summary>A person of the school directory (the real OpenLDAP of scripts/directory.sh, 10,000 people) found in To by pinyin initials (issue 20).</summary>
public sealed class DirectoryPageTests(DirectoryBrowserFixture browser) : IClassFixture<DirectoryBrowserFixture>
{
    [Fact]
    public async Task ToField_PinyinInitialsOfADirectoryPerson_PickedAsAChipWithTheirName()
    {
        var page = await browser.NewPageAsync(locale: "zh-CN");
        await BrowserFixture.SignInAsync(page, DemoMailServer.NewTestAccount("directoryui"));
        var compose = ComposePage.Of(page);
        await compose.OpenFromNavigationAsync();

        await compose.To.PressSequentiallyAsync("wal"); // 王爱丽: wang ai li
        var person = compose.ToSuggestion("王爱丽");
        await Expect(person).ToContainTextAsync("学校通讯录");
        await Expect(person).ToContainTextAsync("物理学院");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "directory-suggestion-zh.png") });
        await person.ClickAsync();

        await compose.ExpectToAsync($"王爱丽 <alice@{DemoMailServer.Domain}>");
        await Expect(compose.ToChips).ToHaveTextAsync(["王爱丽"]);
        await Expect(compose.To).ToHaveValueAsync("");
        await Expect(compose.To).ToBeFocusedAsync(); // typing goes on
    }
}
