using Microsoft.Playwright;

namespace WebMail.BrowserTests.Pages;

/// <summary>An open message, beside the list or on a page of its own: headers, body, attachments and actions.</summary>
public sealed class MessagePane(IPage page)
{
    public static MessagePane Of(IPage page) => new(page);

    public ILocator Subject => page.Locator("#message-subject");

    public ILocator From => page.Locator("#message-from");

    public ILocator Text => page.Locator(".message-text");

    public ILocator TextOrNestingNotice => page.Locator(".message-text, #too-deeply-nested");

    /// <summary>The sandboxed frame of an HTML body.</summary>
    public ILocator BodyFrame => page.Locator("iframe.message-frame");

    public ILocator ViewSource => page.Locator("#toggle-source");

    public ILocator Source => page.Locator("#message-source");

    /// <summary>The raw message, as the source frame shows it.</summary>
    public ILocator SourceText => page.FrameLocator("#message-source").Locator("body");

    public ILocator ShowRemoteContent => page.Locator("#show-remote");

    /// <summary>"Always show from this sender".</summary>
    public ILocator TrustSender => page.Locator("#trust-sender");

    public ILocator BlockSender => page.Locator("#block-sender");

    public ILocator ConfirmBlockSender => page.Locator("#confirm-block-sender-yes");

    public ILocator AttachmentLinks => page.Locator("#attachments a:not(#download-all)");

    /// <summary>Spam: marked $Junk and moved to Junk.</summary>
    public ILocator ReportJunk => page.Locator("#report-junk");

    /// <summary>In Junk: marked $NotJunk and moved to the Inbox.</summary>
    public ILocator NotJunk => page.Locator("#not-junk");

    /// <summary>Every attachment as one zip (shown for two or more).</summary>
    public ILocator DownloadAll => page.Locator("#download-all");

    /// <summary>The question shown when a message asks for a read receipt.</summary>
    public ILocator ReceiptRequest => page.Locator("#receipt-request");

    public ILocator SendReceipt => page.Locator("#send-receipt");

    /// <summary>Opens the print view in a new tab.</summary>
    public ILocator Print => page.Locator("#print-message");

    /// <summary>The menu beside Print (IMAP).</summary>
    public ILocator PrintOptions => page.Locator("#print-options");

    /// <summary>In that menu: the whole conversation in the print view.</summary>
    public ILocator PrintConversation => page.Locator("#print-conversation");

    /// <summary>The whole message as an .eml file.</summary>
    public ILocator DownloadEml => page.Locator("#download-eml");

    public ILocator Reply => page.Locator("#reply");

    public ILocator BackToFolder => page.Locator("#back-to-folder");

    public ILocator Delete => page.Locator("#delete-message");

    public ILocator ConfirmDelete => page.Locator("#confirm-delete-message");

    public ILocator ConfirmDeleteYes => page.Locator("#confirm-delete-message-yes");

    public ILocator Problem => page.Locator(".mail-reader #mail-problem");

    /// <summary>Inside the sandboxed body frame.</summary>
    public IFrameLocator Body => page.FrameLocator("iframe.message-frame");

    /// <summary>An HTML body of formatted text only, shown in the page itself (no frame).</summary>
    public ILocator InPageBody => page.Locator(".message-html");

    /// <summary>This message's HTML body, in the page or its frame (not the previous message's, on its way out).</summary>
    public ILocator HtmlBodyOf(string messageId) =>
        page.Locator($".message-html[data-message-id='{messageId}'], iframe.message-frame[data-message-id='{messageId}']");

    /// <summary>The HTML body wherever the reader shows it: in the page (formatted text only) or in its frame.</summary>
    public async Task<ILocator> HtmlBodyAsync()
    {
        await page.Locator(".message-html, iframe.message-frame").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return await InPageBody.CountAsync() > 0 ? InPageBody : Body.Locator("body");
    }

    /// <summary>The body frame of this message (a new frame per message; its body given with the render or from its URL).</summary>
    public ILocator BodyFrameOf(string messageId) => page.Locator($"iframe.message-frame[data-message-id='{messageId}']");
}
