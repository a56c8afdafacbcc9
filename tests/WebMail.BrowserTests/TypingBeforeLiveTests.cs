using Microsoft.Playwright;
using MimeKit;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.BrowserTests;

/// <summary>
/// Pages are prerendered: their inputs are on screen before the live connection exists. What a user types then must
/// survive the connection arriving and anything the page loads afterwards (issue 23). Each test holds the connection
/// back, types, lets it through, and checks what reached the server.
/// </summary>
public sealed class TypingBeforeLiveTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private readonly MailTestClients _mail = new(output);

    [Fact]
    public async Task Compose_TypedBeforeTheLiveConnection_IsSentWithEveryFieldAsTyped()
    {
        var (writer, reader, copied) = (DemoMailServer.NewTestAccount("early"), DemoMailServer.NewTestAccount("earlyto"), DemoMailServer.NewTestAccount("earlycc"));
        var page = await browser.SignedInPageAsync(writer);
        var compose = new ComposePage(page);
        var hold = await HeldLiveConnection.HoldAsync(page);

        await compose.OpenAsync();
        await Assertions.Expect(AppShell.Of(page).NotYetLive).ToBeVisibleAsync();
        await compose.TypeAsync(to: reader, cc: copied, subject: "开会通知 typed early", body: "明天上午九点在图书馆开会。\nBring the slides.");
        await hold.ReleaseAsync(page);

        await compose.ExpectToAsync(reader);
        await compose.ExpectCcAsync(copied);
        await Assertions.Expect(compose.Subject).ToHaveValueAsync("开会通知 typed early");
        await compose.SendAsync();

        var delivered = await DeliveredAsync(reader);
        Assert.Equal("开会通知 typed early", delivered.Subject);
        Assert.Equal(reader, delivered.To.Mailboxes.Single().Address);
        Assert.Equal(copied, delivered.Cc.Mailboxes.Single().Address);
        Assert.Equal("明天上午九点在图书馆开会。\nBring the slides.", delivered.TextBody!.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public async Task Compose_TypedBeforeTheLiveConnection_WithASavedDraft_KeepsTheTypedTextAndOffersTheDraft()
    {
        var (writer, reader) = (DemoMailServer.NewTestAccount("earlydraft"), DemoMailServer.NewTestAccount("earlydraftto"));
        var page = await browser.SignedInPageAsync(writer);
        var compose = new ComposePage(page);
        await compose.OpenAsync();
        await compose.WaitUntilReadyAsync();
        await compose.TypeAsync(to: $"old-{reader}", subject: "An older draft", body: "Written yesterday");
        await page.WaitForTimeoutAsync(2000);

        var hold = await HeldLiveConnection.HoldAsync(page);
        await compose.OpenAsync();
        await compose.TypeAsync(to: reader, subject: "Typed while the page was loading", body: "今天写的。");
        await hold.ReleaseAsync(page);

        await Assertions.Expect(compose.DraftOffered).ToBeVisibleAsync();
        await Assertions.Expect(compose.DraftRestored).ToBeHiddenAsync();
        await compose.ExpectToAsync(reader);
        await Assertions.Expect(compose.Subject).ToHaveValueAsync("Typed while the page was loading");
        await Assertions.Expect(compose.Body).ToHaveValueAsync("今天写的。");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "compose-typed-early-draft-offered.png") });
        await compose.SendAsync();

        var delivered = await DeliveredAsync(reader);
        Assert.Equal("Typed while the page was loading", delivered.Subject);
        Assert.Equal("今天写的。", delivered.TextBody!.TrimEnd());
    }

    [Fact]
    public async Task Compose_TypingOnWhileTheLiveConnectionArrives_EveryKeystrokeLandsInTheText()
    {
        var page = await browser.SignedInPageAsync(DemoMailServer.NewTestAccount("earlyfocus"));
        var compose = new ComposePage(page);
        var hold = await HeldLiveConnection.HoldAsync(page);
        await compose.OpenAsync();
        await compose.Body.ClickAsync();
        await page.Keyboard.TypeAsync("前半 first half,");

        await hold.ReleaseAsync(page);
        await compose.WaitUntilReadyAsync();
        // The keyboard, not a located box: keys go wherever the focus is, as they do for a person.
        await page.Keyboard.TypeAsync(" second half.");

        await Assertions.Expect(compose.Body).ToHaveValueAsync("前半 first half, second half.");
        Assert.Equal("body", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task Inbox_LineFocusedWithJBeforeTheLiveConnection_KeepsTheFocusOnceLive()
    {
        var user = DemoMailServer.NewTestAccount("earlyfocus");
        using var appended = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _mail.AppendAsync(user, [.. Enumerable.Range(1, 12).Select(i => TestMessages.Plain($"Line {i}"))], appended.Token);
        var page = await browser.SignedInPageAsync(user);
        var hold = await HeldLiveConnection.HoldAsync(page);
        await page.GotoAsync("/");
        await Assertions.Expect(AppShell.Of(page).NotYetLive).ToHaveCountAsync(1);
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await page.Keyboard.PressAsync("j");
        }

        var focused = await page.EvaluateAsync<string>("document.activeElement.closest('[data-message-id]').getAttribute('data-message-id')");
        await hold.ReleaseAsync(page);

        // The third line, now the live renderer's: the next j goes on to the fourth.
        await Assertions.Expect(page.Locator($"[data-message-id='{focused}'] .message-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(MailboxPage.Of(page).MessageLinks.Nth(3)).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Search_TypedAndSubmittedBeforeTheLiveConnection_SearchesOnceLive()
    {
        var page = await browser.SignedInPageAsync(DemoMailServer.NewTestAccount("earlysearch"));
        var hold = await HeldLiveConnection.HoldAsync(page);
        await page.GotoAsync("/");
        await MailboxPage.Of(page).SearchBox.PressSequentiallyAsync("周报");
        await MailboxPage.Of(page).SearchBox.PressAsync("Enter");
        await hold.ReleaseAsync(page);

        // Polls the address (the search navigates within the live page); WaitForURL also waits for a page load.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=" + Uri.EscapeDataString("周报")));
        await Assertions.Expect(MailboxPage.Of(page).SearchBox).ToHaveValueAsync("周报");
    }

    [Fact]
    public async Task SignIn_LanguageSwitchedAfterTyping_KeepsTheUserNameButNeverThePassword()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/signin");
        await SignInPage.Of(page).UserName.FillAsync("2023123456");
        await SignInPage.Of(page).Password.FillAsync(DemoMailServer.TestPassword);

        await AppShell.Of(page).SwitchLanguage.ClickAsync();

        await Assertions.Expect(AppShell.Of(page).Document).ToHaveAttributeAsync("lang", "zh-CN");
        await Assertions.Expect(SignInPage.Of(page).UserName).ToHaveValueAsync("2023123456");
        await Assertions.Expect(SignInPage.Of(page).Password).ToHaveValueAsync("");
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('webmail.signin-typed')"));
    }

    private async Task<MimeMessage> DeliveredAsync(string user)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _mail.FirstInInboxAsync(user, timeout.Token);
    }
}
