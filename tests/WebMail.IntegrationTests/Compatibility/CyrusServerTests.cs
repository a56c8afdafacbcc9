using System.Net;
using MailKit;
using WebMail.Client.Services;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests.Compatibility;

/// <summary>An app whose IMAP is the real Cyrus (scripts/cyrus.sh) instead of Dovecot.</summary>
public sealed class CyrusAppFactory() : WebMailAppFactory(DemoMailServer.CyrusAppConfiguration());

/// <summary>
/// Cyrus IMAP, a second real server (issue 17): signing in, reading, search in Chinese, folders, flags, deleting and
/// sorting work as on Dovecot. Mail is put into Cyrus directly, as another client would.
/// </summary>
public sealed class CyrusServerTests(CyrusAppFactory app, ITestOutputHelper output) : IClassFixture<CyrusAppFactory>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private readonly MailTestClients _cyrus = new(output, DemoMailServer.CyrusDomainOptions());

    [Fact]
    public async Task SignIn_RightAndWrongPassword_AsOnDovecot()
    {
        var user = DemoMailServer.NewTestAccount("cyrus-signin");
        using var right = new SignInClient(app);
        using var wrong = new SignInClient(app);

        using var signedIn = await right.SignInAsync(user, DemoMailServer.TestPassword, "Imap", _timeout);
        using var refused = await wrong.SignInAsync(user, "not-the-password", "Imap", _timeout);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Read_ListSearchInChineseAndOpen()
    {
        var user = DemoMailServer.NewTestAccount("cyrus-read");
        var day = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.FromHours(8));
        await _cyrus.AppendAsync(user, [
            TestMessages.Sent(TestMessages.ChineseSubject, "jw@school.test", day, "教务处", body: TestMessages.ChineseBody),
            TestMessages.Sent("Library hours", "lib@school.test", day.AddDays(1), "图书馆"),
            TestMessages.Sent("Lab safety", "lab@school.test", day.AddDays(2), "实验中心", body: "期末考试期间暂停开放。"),
        ], _timeout);
        var mailbox = app.MailFor(user, ReadingProtocol.Imap);

        var inbox = await mailbox.ListAsync(new MessageQuery(), refresh: false, _timeout);
        var found = await mailbox.ListAsync(new MessageQuery(Search: new MessageSearch(Text: "期末考试")), refresh: false, _timeout);
        var opened = await mailbox.ReadAsync(inbox.Messages.Single(m => m.Subject == TestMessages.ChineseSubject).Id, _timeout);

        Assert.Equal(["Lab safety", "Library hours", TestMessages.ChineseSubject], inbox.Messages.Select(m => m.Subject));
        Assert.Equal(["Lab safety", TestMessages.ChineseSubject], found.Messages.Select(m => m.Subject));
        Assert.False(found.BodyNotSearched);
        Assert.Contains(TestMessages.ChineseBody, opened.View.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folders_SpecialOnesRecognised_StarReadDeleteAndSort()
    {
        var user = DemoMailServer.NewTestAccount("cyrus-folders");
        var day = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
        await _cyrus.AppendAsync(user, [TestMessages.Sent("b second", "a@school.test", day), TestMessages.Sent("a first", "b@school.test", day.AddDays(1))], _timeout);
        var mailbox = app.MailFor(user, ReadingProtocol.Imap);

        var folders = await mailbox.ListFoldersAsync(refresh: false, _timeout);
        var bySubject = await mailbox.ListAsync(new MessageQuery(Sort: MessageSort.Subject, Descending: false), refresh: false, _timeout);
        var first = bySubject.Messages[0];
        await mailbox.SetFlaggedAsync([first.Id], flagged: true, _timeout);
        await mailbox.SetReadAsync([first.Id], read: true, _timeout);
        var again = await mailbox.ListAsync(new MessageQuery(Sort: MessageSort.Subject, Descending: false), refresh: true, _timeout);
        await mailbox.DeleteAsync([bySubject.Messages[1].Id], _timeout);

        foreach (var kind in new[] { SpecialFolderKind.Inbox, SpecialFolderKind.Drafts, SpecialFolderKind.Sent, SpecialFolderKind.Trash, SpecialFolderKind.Junk, SpecialFolderKind.Archive })
        {
            Assert.Single(folders, f => f.Kind == kind);
        }

        Assert.Equal(["a first", "b second"], bySubject.Messages.Select(m => m.Subject));
        Assert.True(again.Messages[0].IsFlagged && again.Messages[0].IsRead);
        using var imap = await _cyrus.ImapAsync(user, DemoMailServer.TestPassword, _timeout);
        var trash = await imap.GetFolderAsync("Trash", _timeout);
        await trash.OpenAsync(FolderAccess.ReadOnly, _timeout);
        Assert.Equal(1, trash.Count);
    }
}
