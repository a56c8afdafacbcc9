using Microsoft.Playwright;
using WebMail.BrowserTests.Pages;
using WebMail.Testing;

namespace WebMail.BrowserTests;

/// <summary>
/// Rich-text mail in Chromium (issue 19): written with a Chinese input method, formatted from the toolbar, a picture
/// and a Word fragment pasted in; the recipient sees the formatting and the picture in WebMail, and the raw message
/// carries a text part; forwarded back as an attachment.
/// </summary>
public sealed class RichTextComposeTests(BrowserFixture browser, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    // A 10×10 PNG: shown, it is 10 pixels wide.
    private static readonly byte[] Picture = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAoAAAAKCAIAAAACUFjqAAAAEklEQVR4nGP4z8CAB+GTG8HSALfKY52fTcuYAAAAAElFTkSuQmCC");

    // What Word 2016 puts on the clipboard as HTML (shortened): its namespaces, style sheet, class names, mso-
    // properties, <o:p> elements and conditional comments for list numbers.
    private const string WordFragment =
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\"><head>" +
        "<meta name=Generator content=\"Microsoft Word 15\"><style><!-- p.MsoNormal {margin:0cm; font-size:10.5pt; font-family:等线;} --></style></head>" +
        "<body lang=ZH-CN style='tab-interval:21.0pt'><!--StartFragment--><p class=MsoNormal><b><span style='font-family:等线;" +
        "mso-bidi-font-family:\"Times New Roman\";color:red'>考场安排<o:p></o:p></span></b></p>" +
        "<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]>" +
        "<span lang=EN-US>1.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span><![endif]><span>三号楼</span></p>" +
        "<!--EndFragment--></body></html>";

    [Fact]
    public async Task RichText_ChineseWithPictureAndWordPaste_RecipientSeesFormattingAndPicture_AndForwardsItAsAttachment()
    {
        var (writer, reader) = (DemoMailServer.NewTestAccount("richwriter"), DemoMailServer.NewTestAccount("richreader"));
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, writer);
        var compose = ComposePage.Of(page);
        await compose.OpenFromNavigationAsync();
        await compose.To.FillAsync(reader);
        await compose.Subject.FillAsync("富文本 通知");
        await compose.RichTextMode.ClickAsync();
        await compose.RichBody.ClickAsync();

        // As a pinyin input method types: a composition ("qimo") that becomes the chosen characters.
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("Input.imeSetComposition", new Dictionary<string, object> { ["text"] = "qimo", ["selectionStart"] = 4, ["selectionEnd"] = 4 });
        await devTools.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = "期末安排" });
        await page.Keyboard.PressAsync("Enter");
        await compose.RichButton("bold").ClickAsync();
        await Assertions.Expect(compose.RichButton("bold")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.InsertTextAsync("重要");
        await compose.RichButton("bold").ClickAsync();
        await page.Keyboard.PressAsync("Enter");
        await compose.RichButton("ul").ClickAsync();
        await page.Keyboard.InsertTextAsync("第一项");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.InsertTextAsync("第二项");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");

        await compose.PasteAsync(picture: Picture, pictureName: "截图.png");
        await Assertions.Expect(compose.RichBody.Locator("img[data-cid]")).ToHaveCountAsync(1);
        await compose.PasteAsync(html: WordFragment);
        await Assertions.Expect(compose.RichBody).ToContainTextAsync("考场安排");
        var pasted = await compose.RichBody.InnerHTMLAsync();
        Assert.DoesNotContain("Mso", pasted, StringComparison.Ordinal);
        Assert.DoesNotContain("mso-", pasted, StringComparison.Ordinal);
        Assert.DoesNotContain("o:p", pasted, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", pasted, StringComparison.Ordinal);
        Assert.Contains("期末安排", pasted, StringComparison.Ordinal);
        Assert.DoesNotContain("qimo", pasted, StringComparison.Ordinal);
        await Assertions.Expect(compose.AttachmentItems).ToHaveCountAsync(0); // the picture is in the text, not a listed attachment
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "compose-rich.png"), FullPage = true });
        await compose.SendAsync();

        var recipient = await browser.NewPageAsync(locale: "zh-CN");
        await BrowserFixture.SignInAsync(recipient, reader);
        await Assertions.Expect(MailboxPage.Of(recipient).MessageLinks.First).ToContainTextAsync("富文本 通知");
        await MailboxPage.Of(recipient).MessageLinks.First.ClickAsync();
        var body = MessagePane.Of(recipient).Body;
        await Assertions.Expect(body.Locator("b").First).ToHaveTextAsync("重要");
        await Assertions.Expect(body.Locator("li")).ToHaveTextAsync(["第一项", "第二项"]);
        await Assertions.Expect(body.Locator("body")).ToContainTextAsync("考场安排");
        await Assertions.Expect(body.Locator("img")).ToHaveJSPropertyAsync("complete", true);
        Assert.Equal(10, await body.Locator("img").EvaluateAsync<int>("image => image.naturalWidth"));
        await recipient.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "reader-rich.png"), FullPage = true });
        await MessagePane.Of(recipient).ViewSource.ClickAsync();
        await Assertions.Expect(MessagePane.Of(recipient).SourceText).ToContainTextAsync("Content-Type: multipart/alternative");
        await Assertions.Expect(MessagePane.Of(recipient).SourceText).ToContainTextAsync("Content-Type: text/plain; charset=utf-8");
        await Assertions.Expect(MessagePane.Of(recipient).SourceText).ToContainTextAsync("Content-Type: multipart/related");

        // Forwarded back whole: the writer finds the message as an .eml attachment.
        await recipient.Locator("#forward-options").ClickAsync();
        await recipient.Locator("#forward-attached").ClickAsync();
        var forward = ComposePage.Of(recipient);
        await forward.WaitUntilReadyAsync();
        await Assertions.Expect(forward.AttachmentItems).ToContainTextAsync("富文本 通知.eml");
        await forward.To.FillAsync(writer);
        await forward.SendAsync();
        await MailboxPage.Of(page).OpenInboxWhenMailArrivedAsync();
        await Assertions.Expect(MailboxPage.Of(page).MessageLinks.First).ToContainTextAsync("Fwd: 富文本 通知");
        await MailboxPage.Of(page).MessageLinks.First.ClickAsync();
        await Assertions.Expect(MessagePane.Of(page).AttachmentLinks).ToContainTextAsync("富文本 通知.eml");
    }

    [Fact]
    public async Task SwitchingToPlainText_WarnsWhenFormattingWouldBeLost_AndKeepsTheText()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoMailServer.NewTestAccount("richswitch"));
        var compose = ComposePage.Of(page);
        await compose.OpenFromNavigationAsync();
        await compose.Body.FillAsync("第一行\n第二行");
        await compose.RichTextMode.ClickAsync();
        await Assertions.Expect(compose.RichBody.Locator("div")).ToHaveTextAsync(["第一行", "第二行"]);

        // Text alone goes back without a question.
        await compose.PlainTextMode.ClickAsync();
        await Assertions.Expect(compose.Body).ToHaveValueAsync("第一行\n第二行");
        await Assertions.Expect(compose.PlainWarning).ToBeHiddenAsync();

        await compose.RichTextMode.ClickAsync();
        await compose.RichBody.ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.InsertTextAsync("加粗");
        await compose.PlainTextMode.ClickAsync();
        await Assertions.Expect(compose.PlainWarning).ToBeVisibleAsync();
        await compose.KeepRich.ClickAsync();
        await Assertions.Expect(compose.RichBody.Locator("b")).ToHaveTextAsync("加粗");

        await compose.PlainTextMode.ClickAsync();
        await compose.ConfirmPlain.ClickAsync();
        await Assertions.Expect(compose.Body).ToHaveValueAsync("第一行\n第二行加粗");
    }

    [Fact]
    public async Task RichDraft_WithADroppedPicture_IsRestoredInTheRichEditor()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, DemoMailServer.NewTestAccount("richdraft"));
        var compose = ComposePage.Of(page);
        await compose.OpenFromNavigationAsync();
        await compose.Subject.FillAsync("没写完的富文本");
        await compose.RichTextMode.ClickAsync();
        await compose.RichBody.ClickAsync();
        await page.Keyboard.PressAsync("Control+i");
        await page.Keyboard.InsertTextAsync("斜体的草稿");
        await compose.DropPictureAsync(Picture);
        await Assertions.Expect(compose.RichBody.Locator("img[data-cid]")).ToHaveCountAsync(1);
        await page.WaitForTimeoutAsync(2500); // the editor says it changed after half a second, the draft is saved a second later

        var again = await page.Context.NewPageAsync();
        await again.GotoAsync("/compose");
        var restored = ComposePage.Of(again);
        await Assertions.Expect(restored.DraftRestored).ToBeVisibleAsync();
        await Assertions.Expect(restored.RichBody.Locator("i")).ToHaveTextAsync("斜体的草稿");
        await Assertions.Expect(restored.RichBody.Locator("img[data-cid]")).ToHaveJSPropertyAsync("naturalWidth", 10);
    }

    [Fact]
    public async Task FormattedSignature_WriteRichByDefault_InNewMailAndAboveAReplysQuotedHtml_ItsTextInPlainMail()
    {
        var (writer, reader) = (DemoMailServer.NewTestAccount("richsign"), DemoMailServer.NewTestAccount("richsignreader"));
        var page = await browser.NewPageAsync(locale: "zh-CN");
        await BrowserFixture.SignInAsync(page, writer);
        var settings = SettingsPage.Of(page);
        await settings.OpenFromNavigationAsync();
        await settings.AddSignature.ClickAsync();
        await settings.SignatureName(0).FillAsync("正式");
        await settings.SignatureFormatted(0).CheckAsync();
        await settings.SignatureEditor(0).ClickAsync();
        await page.Keyboard.PressAsync("Control+a");
        await settings.SignatureEditorButton(0, "bold").ClickAsync();
        await page.Keyboard.InsertTextAsync("张伟");
        await page.Keyboard.PressAsync("Enter");
        await settings.SignatureEditorButton(0, "bold").ClickAsync();
        await page.Keyboard.InsertTextAsync("计算机学院");
        await settings.WriteRich.CheckAsync();
        await settings.Save.ClickAsync();
        await Assertions.Expect(settings.Saved).ToBeVisibleAsync();

        // New mail starts in rich text, the formatted signature under the separator.
        var compose = ComposePage.Of(page);
        await compose.OpenFromNavigationAsync();
        await Assertions.Expect(compose.RichBody.Locator("b")).ToHaveTextAsync("张伟");
        await Assertions.Expect(compose.RichBody).ToContainTextAsync("-- ");
        await compose.To.FillAsync(reader);
        await compose.Subject.FillAsync("签名测试");
        await compose.RichBody.ClickAsync();
        await page.Keyboard.PressAsync("Control+Home");
        await page.Keyboard.InsertTextAsync("正文在签名上面");
        await compose.SendAsync();

        var recipient = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(recipient, reader);
        await MailboxPage.Of(recipient).MessageLinks.First.ClickAsync();
        await Assertions.Expect((await MessagePane.Of(recipient).HtmlBodyAsync()).Locator("b")).ToHaveTextAsync("张伟");
        await MessagePane.Of(recipient).ViewSource.ClickAsync();
        // The text part, decoded here: it carries the signature's text under the separator.
        var source = await MessagePane.Of(recipient).SourceText.InnerTextAsync();
        var text = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(source))).TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains("正文在签名上面\n\n-- \n张伟\n计算机学院", text, StringComparison.Ordinal);

        // The reader replies in plain text; the writer replies in rich text: the original's HTML is quoted under the signature.
        await recipient.Locator("#reply").ClickAsync();
        await ComposePage.Of(recipient).WaitUntilReadyAsync();
        await Assertions.Expect(ComposePage.Of(recipient).Body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("> 正文在签名上面"));
        await ComposePage.Of(recipient).SendAsync();
        await MailboxPage.Of(page).OpenInboxWhenMailArrivedAsync();
        await MailboxPage.Of(page).MessageLinks.First.ClickAsync();
        await page.Locator("#reply").ClickAsync();
        await compose.WaitUntilReadyAsync();
        await Assertions.Expect(compose.RichBody.Locator("blockquote")).ToContainTextAsync("正文在签名上面");
        await Assertions.Expect(compose.RichBody.Locator("b").First).ToHaveTextAsync("张伟");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "compose-rich-reply.png"), FullPage = true });
    }

    [Fact]
    public async Task ReadingAndWritingSettings_ReplyUnderTheQuote_AndRemoteContentAlwaysShownFromATrustedSender()
    {
        var user = DemoMailServer.NewTestAccount("readingprefs");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Html("第一期简报"), TestMessages.Html("第二期简报"), TestMessages.Plain("周会", "周会改到周三。")], CancellationToken.None);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, user);
        await SettingsPage.Of(page).OpenFromNavigationAsync();
        await SettingsPage.Of(page).ReplyBelowQuote.CheckAsync();
        await SettingsPage.Of(page).Save.ClickAsync();
        await Assertions.Expect(SettingsPage.Of(page).Saved).ToBeVisibleAsync();

        await page.GotoAsync("/");
        await page.Locator("main[data-interactive=true]").WaitForAsync();
        await MailboxPage.Of(page).MessageLinks.Filter(new() { HasText = "周会" }).ClickAsync();
        await Assertions.Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("周会");
        await page.Locator("#reply").ClickAsync();
        var compose = ComposePage.Of(page);
        await compose.WaitUntilReadyAsync();
        await page.Keyboard.InsertTextAsync("好的，周三见。");
        await Assertions.Expect(compose.Body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("> 周会改到周三。\\n\\n好的，周三见。$"));

        // Remote pictures: blocked until asked; "always" for this sender shows them in their next message at once.
        await page.GotoAsync("/");
        await page.Locator("main[data-interactive=true]").WaitForAsync();
        await MailboxPage.Of(page).MessageLinks.Filter(new() { HasText = "第一期简报" }).ClickAsync();
        await Assertions.Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("第一期简报");
        await MessagePane.Of(page).TrustSender.ClickAsync();
        await Assertions.Expect(MessagePane.Of(page).BodyFrame).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("remote=true"));
        await MailboxPage.Of(page).MessageLinks.Filter(new() { HasText = "第二期简报" }).ClickAsync();
        await Assertions.Expect(MessagePane.Of(page).Subject).ToHaveTextAsync("第二期简报");
        await Assertions.Expect(MessagePane.Of(page).BodyFrame).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("remote=true"));
        await Assertions.Expect(MessagePane.Of(page).ShowRemoteContent).ToHaveCountAsync(0);

        await SettingsPage.Of(page).OpenFromNavigationAsync();
        await Assertions.Expect(SettingsPage.Of(page).TrustedSenders).ToHaveCountAsync(1);
    }
}
