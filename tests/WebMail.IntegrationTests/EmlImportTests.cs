using MailKit;
using WebMail.Client.Services;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>
/// Importing .eml files (issue 22) into the real Dovecot: the message lands in the chosen folder exactly as saved,
/// read, dated by its own Date; what is not mail is refused with nothing added; POP3 has no folders to import into.
/// </summary>
public sealed class EmlImportTests(WebMailAppFactory app, ITestOutputHelper output) : IClassFixture<WebMailAppFactory>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private readonly MailTestClients _clients = new(output);

    [Fact]
    public async Task Import_ChineseMessageIntoArchive_ExactBytes_Read_DatedByItsOwnDate_ListedAtOnce()
    {
        var user = DemoMailServer.NewTestAccount("import");
        var mailbox = app.MailboxServiceFor(user, ReadingProtocol.Imap);
        var saved = TestMessages.Gb2312();
        saved.Date = new DateTimeOffset(2025, 6, 30, 9, 15, 0, TimeSpan.FromHours(8));
        using var file = new MemoryStream();
        // As mail programs save it: lines end in CRLF, as on the wire (MailKit sends a LF-only file with CRLF).
        await saved.WriteToAsync(new MimeKit.FormatOptions { NewLineFormat = MimeKit.NewLineFormat.Dos }, file, _timeout);
        var archive = (await mailbox.ListFoldersAsync(cancellationToken: _timeout)).Single(f => f.Kind == SpecialFolderKind.Archive).Path;
        Assert.Empty((await mailbox.ListAsync(new MessageQuery(Folder: archive), cancellationToken: _timeout)).Messages); // cached empty

        await mailbox.ImportAsync(archive, file.ToArray(), _timeout);

        var listed = Assert.Single((await mailbox.ListAsync(new MessageQuery(Folder: archive), cancellationToken: _timeout)).Messages);
        Assert.Equal(TestMessages.ChineseSubject, listed.Subject);
        Assert.True(listed.IsRead);
        using var imap = await _clients.ImapAsync(user, DemoMailServer.TestPassword, _timeout);
        var folder = await imap.GetFolderAsync(archive, _timeout);
        await folder.OpenAsync(FolderAccess.ReadOnly, _timeout);
        var summary = Assert.Single(await folder.FetchAsync(0, -1, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate | MessageSummaryItems.Flags), _timeout));
        Assert.Equal(saved.Date, summary.InternalDate);
        Assert.True(summary.Flags!.Value.HasFlag(MessageFlags.Seen));
        using var stored = new MemoryStream();
        await (await folder.GetStreamAsync(summary.UniqueId, "", _timeout)).CopyToAsync(stored, _timeout);
        Assert.Equal(file.ToArray(), stored.ToArray());
    }

    [Fact]
    public async Task Import_NotMail_RefusedAsNotAMessage_NothingAdded()
    {
        var user = DemoMailServer.NewTestAccount("importbad");
        var mailbox = app.MailboxServiceFor(user, ReadingProtocol.Imap);

        var refused = await Assert.ThrowsAsync<MailOperationException>(() => mailbox.ImportAsync(WebMail.Client.Services.MailFolder.InboxPath, PreviewMessages.Png, _timeout));

        Assert.Equal(MailProblem.NotAMessage, refused.Problem);
        Assert.Equal(0, await _clients.CountAsync(user, _timeout));
    }

    [Fact]
    public async Task Import_OverPop3_NotAvailable()
    {
        var user = DemoMailServer.NewTestAccount("importpop");
        var mailbox = app.MailboxServiceFor(user, ReadingProtocol.Pop3);
        using var file = new MemoryStream();
        await TestMessages.Plain("saved").WriteToAsync(file, _timeout);

        var refused = await Assert.ThrowsAsync<MailOperationException>(() => mailbox.ImportAsync(WebMail.Client.Services.MailFolder.InboxPath, file.ToArray(), _timeout));

        Assert.Equal(MailProblem.NotAvailableOverPop3, refused.Problem);
    }
}
