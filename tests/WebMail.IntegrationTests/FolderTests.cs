using MailKit;
using WebMail.Client.Services;
using WebMail.Testing;
using Xunit.Abstractions;
using MailFolder = WebMail.Client.Services.MailFolder;

namespace WebMail.IntegrationTests;

/// <summary>Folders, moving and flags over IMAP against each real server, each checked with a second, plain MailKit client.</summary>
public sealed class FolderTests(WebMailAppFactory dovecot, CyrusAppFactory cyrus, ITestOutputHelper output)
    : IClassFixture<WebMailAppFactory>, IClassFixture<CyrusAppFactory>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private readonly ImapServers _servers = new(dovecot, cyrus, output);

    [Theory]
    [MemberData(nameof(ImapServers.Each), MemberType = typeof(ImapServers))]
    public async Task Folders_Listed_SpecialFirstThenTreeWithCounts(ImapServer server)
    {
        var user = DemoMailServer.NewTestAccount("tree");
        await _servers.Clients(server).AppendAsync(user, [TestMessages.Plain("one"), TestMessages.Plain("two")], _timeout);
        using (var imap = await _servers.Clients(server).ImapAsync(user, DemoMailServer.TestPassword, _timeout))
        {
            var root = imap.GetFolder(imap.PersonalNamespaces[0]);
            var courses = await root.CreateAsync("Courses", true, _timeout);
            await courses!.CreateAsync("Physics", true, _timeout);
            await root.CreateAsync("Alumni", true, _timeout);
        }

        var mail = _servers.App(server).MailFor(user, ReadingProtocol.Imap);

        var folders = await mail.ListFoldersAsync(refresh: false, _timeout);

        Assert.Equal(
            [SpecialFolderKind.Inbox, SpecialFolderKind.Drafts, SpecialFolderKind.Sent, SpecialFolderKind.Archive, SpecialFolderKind.Junk, SpecialFolderKind.Trash],
            folders.Take(6).Select(f => f.Kind));
        Assert.Equal(["Alumni", "Courses", "Physics"], folders.Skip(6).Select(f => f.Name));
        Assert.Equal([0, 0, 1], folders.Skip(6).Select(f => f.Depth));
        var inbox = folders[0];
        Assert.Equal((MailFolder.InboxPath, 2, 2), (inbox.Path, inbox.Total, inbox.Unread));
    }

    [Theory]
    [MemberData(nameof(ImapServers.Each), MemberType = typeof(ImapServers))]
    public async Task ReportJunk_KeywordSetAndMovedToJunk_NotJunk_TheReverseBackToTheInbox(ImapServer server)
    {
        var user = DemoMailServer.NewTestAccount("junk");
        var ids = await _servers.Clients(server).AppendAsync(user, [TestMessages.Plain("中奖通知"), TestMessages.Plain("课表")], _timeout);
        var mail = _servers.App(server).MailFor(user, ReadingProtocol.Imap);

        var junked = await mail.ReportJunkAsync([ids[0]], junk: true, _timeout);

        Assert.Equal([MailFolder.InboxPath], junked.Select(m => m.FromFolder));
        var (inJunk, keywords) = await KeywordsAsync(server, user, "Junk");
        Assert.Equal(["中奖通知"], inJunk);
        Assert.Contains("$Junk", keywords);
        Assert.Equal(1, (await mail.ListFoldersAsync(refresh: false, _timeout)).Single(f => f.Kind == SpecialFolderKind.Junk).Total);

        await mail.ReportJunkAsync([junked[0].NewId], junk: false, _timeout);

        var (inInbox, back) = await KeywordsAsync(server, user, "INBOX");
        Assert.Equal(["课表", "中奖通知"], inInbox);
        Assert.Contains("$NotJunk", back);
        Assert.DoesNotContain("$Junk", back);
    }

    /// <summary>The subjects in a folder, and the keywords of its last message, as a plain client sees them.</summary>
    private async Task<(IReadOnlyList<string> Subjects, IReadOnlySet<string> LastKeywords)> KeywordsAsync(ImapServer server, string user, string folder)
    {
        var messages = await _servers.Clients(server).KeywordsAsync(user, folder, _timeout);
        return ([.. messages.Select(m => m.Subject)], messages.Count == 0 ? new HashSet<string>() : messages[^1].Keywords);
    }

    [Theory]
    [MemberData(nameof(ImapServers.Each), MemberType = typeof(ImapServers))]
    public async Task CreateRenameDelete_Folder_ServerAgrees_SpecialFoldersRefused(ImapServer server)
    {
        var user = DemoMailServer.NewTestAccount("manage");
        var mail = _servers.App(server).MailFor(user, ReadingProtocol.Imap);
        var service = mail;

        var created = await service.CreateFolderAsync(null, "项目 Project", _timeout);
        var child = await service.CreateFolderAsync(created, "2026", _timeout);
        Assert.Contains(await ServerFoldersAsync(server, user), f => f == child);

        var renamed = await service.RenameFolderAsync(created, "Projects", _timeout);
        var names = await ServerFoldersAsync(server, user);
        Assert.Contains("Projects", names);
        Assert.DoesNotContain(created, names);
        Assert.Contains((await service.ListFoldersAsync(refresh: false, _timeout)).Select(f => f.Path), p => p.StartsWith(renamed, StringComparison.Ordinal) && p.EndsWith("2026", StringComparison.Ordinal));

        var trash = (await service.ListFoldersAsync(refresh: false, _timeout)).Single(f => f.Kind == SpecialFolderKind.Trash);
        var refused = await Assert.ThrowsAsync<MailOperationException>(() => service.DeleteFolderAsync(trash.Path, _timeout));
        Assert.Equal(MailProblem.FolderRefused, refused.Problem);
        Assert.Equal(MailProblem.FolderRefused, (await Assert.ThrowsAsync<MailOperationException>(() => service.RenameFolderAsync(MailFolder.InboxPath, "x", _timeout))).Problem);
        Assert.Equal(MailProblem.FolderRefused, (await Assert.ThrowsAsync<MailOperationException>(() => service.CreateFolderAsync(null, "  ", _timeout))).Problem);
        Assert.Equal(MailProblem.FolderRefused, (await Assert.ThrowsAsync<MailOperationException>(() => service.CreateFolderAsync(null, "Projects", _timeout))).Problem);

        var leaf = (await service.ListFoldersAsync(refresh: false, _timeout)).Single(f => f.Name == "2026");
        await service.DeleteFolderAsync(leaf.Path, _timeout);
        Assert.DoesNotContain(await ServerFoldersAsync(server, user), f => f.EndsWith("2026", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ImapServers.Each), MemberType = typeof(ImapServers))]
    public async Task MoveCopyDeleteRestore_BothFoldersUpdate_AndTheServerAgrees(ImapServer server)
    {
        var user = DemoMailServer.NewTestAccount("move");
        var ids = await _servers.Clients(server).AppendAsync(user, [TestMessages.Plain("keep"), TestMessages.Plain("move me"), TestMessages.Plain("copy me"), TestMessages.Plain("bin me")], _timeout);
        var mail = _servers.App(server).MailFor(user, ReadingProtocol.Imap);
        var target = await mail.CreateFolderAsync(null, "Saved", _timeout);
        Assert.Equal(4, (await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 50), refresh: false, _timeout)).TotalCount);

        await mail.MoveAsync([ids[1]], target, _timeout);
        await mail.CopyAsync([ids[2]], target, _timeout);

        // The inbox page the user is on dropped the moved message without asking the server.
        var inbox = await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 50), refresh: false, _timeout);
        Assert.Equal(["bin me", "copy me", "keep"], inbox.Messages.Select(m => m.Subject));
        Assert.Equal(3, inbox.TotalCount);
        var saved = await mail.ListAsync(new MessageQuery(Folder: target), refresh: false, _timeout);
        Assert.Equal(["copy me", "move me"], saved.Messages.Select(m => m.Subject));
        Assert.All(saved.Messages, m => Assert.Equal(target, m.Folder));
        Assert.Equal(["bin me", "copy me", "keep"], await ServerSubjectsAsync(server, user, "INBOX"));
        Assert.Equal(["copy me", "move me"], await ServerSubjectsAsync(server, user, target));

        // Delete goes to Trash; from Trash it can come back; deleting in Trash is for good.
        await mail.DeleteAsync([ids[3]], _timeout);
        var trash = (await mail.ListFoldersAsync(refresh: false, _timeout)).Single(f => f.Kind == SpecialFolderKind.Trash);
        Assert.Equal(1, trash.Total);
        var inTrash = (await mail.ListAsync(new MessageQuery(Folder: trash.Path), refresh: false, _timeout)).Messages.Single();
        Assert.Equal("bin me", inTrash.Subject);
        await mail.MoveAsync([inTrash.Id], MailFolder.InboxPath, _timeout);
        Assert.Contains("bin me", await ServerSubjectsAsync(server, user, "INBOX"));

        var again = (await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 50), refresh: false, _timeout)).Messages.Single(m => m.Subject == "bin me");
        await mail.DeleteAsync([again.Id], _timeout);
        var trashed = (await mail.ListAsync(new MessageQuery(Folder: trash.Path), refresh: false, _timeout)).Messages.Single();
        await mail.DeleteAsync([trashed.Id], _timeout);
        Assert.Empty(await ServerSubjectsAsync(server, user, trash.Path));
        Assert.DoesNotContain("bin me", await ServerSubjectsAsync(server, user, "INBOX"));
    }

    [Theory]
    [MemberData(nameof(ImapServers.Each), MemberType = typeof(ImapServers))]
    public async Task EmptyTrash_RemovesEverythingThereForGood(ImapServer server)
    {
        var user = DemoMailServer.NewTestAccount("empty");
        var ids = await _servers.Clients(server).AppendAsync(user, [TestMessages.Plain("a"), TestMessages.Plain("b"), TestMessages.Plain("c")], _timeout);
        var mail = _servers.App(server).MailFor(user, ReadingProtocol.Imap);
        await mail.DeleteAsync([ids[0], ids[1]], _timeout);
        var trash = (await mail.ListFoldersAsync(refresh: false, _timeout)).Single(f => f.Kind == SpecialFolderKind.Trash);
        Assert.Equal(2, trash.Total);

        await mail.EmptyTrashAsync(_timeout);

        Assert.Empty(await ServerSubjectsAsync(server, user, trash.Path));
        Assert.Equal(["c"], await ServerSubjectsAsync(server, user, "INBOX"));
    }

    [Theory]
    [MemberData(nameof(ImapServers.Each), MemberType = typeof(ImapServers))]
    public async Task Flags_SetInTheWebmail_SeenByAnotherClient_AndTheOtherWayRound(ImapServer server)
    {
        var user = DemoMailServer.NewTestAccount("flags");
        var ids = await _servers.Clients(server).AppendAsync(user, [TestMessages.Plain("star"), TestMessages.Plain("other")], _timeout);
        var mail = _servers.App(server).MailFor(user, ReadingProtocol.Imap);
        await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 50), refresh: false, _timeout);

        await mail.SetFlaggedAsync([ids[0]], flagged: true, _timeout);
        await mail.SetReadAsync(ids, read: true, _timeout);

        var flags = await ServerFlagsAsync(server, user);
        Assert.True(flags[0].HasFlag(MessageFlags.Flagged));
        Assert.All(flags, f => Assert.True(f.HasFlag(MessageFlags.Seen)));
        var cached = await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 50), refresh: false, _timeout);
        Assert.True(cached.Messages.Single(m => m.Subject == "star").IsFlagged);

        using (var other = await _servers.Clients(server).ImapAsync(user, DemoMailServer.TestPassword, _timeout))
        {
            await other.Inbox.OpenAsync(FolderAccess.ReadWrite, _timeout);
            var uids = await other.Inbox.SearchAsync(MailKit.Search.SearchQuery.All, _timeout);
            await other.Inbox.RemoveFlagsAsync(uids[0], MessageFlags.Flagged | MessageFlags.Seen, true, _timeout);
            await other.Inbox.AddFlagsAsync(uids[1], MessageFlags.Answered | MessageFlags.Flagged, true, _timeout);
        }

        var refreshed = await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 50), refresh: true, _timeout);
        var star = refreshed.Messages.Single(m => m.Subject == "star");
        var answered = refreshed.Messages.Single(m => m.Subject == "other");
        Assert.False(star.IsFlagged);
        Assert.False(star.IsRead);
        Assert.True(answered.IsAnswered);
        Assert.True(answered.IsFlagged);
    }

    private async Task<List<string>> ServerFoldersAsync(ImapServer server, string user)
    {
        using var imap = await _servers.Clients(server).ImapAsync(user, DemoMailServer.TestPassword, _timeout);
        var folders = await imap.GetFoldersAsync(imap.PersonalNamespaces[0], cancellationToken: _timeout);
        return folders.Select(f => f.FullName).ToList();
    }

    private async Task<List<string>> ServerSubjectsAsync(ImapServer server, string user, string folderPath)
    {
        using var imap = await _servers.Clients(server).ImapAsync(user, DemoMailServer.TestPassword, _timeout);
        var folder = folderPath == MailFolder.InboxPath ? imap.Inbox : await imap.GetFolderAsync(folderPath, _timeout);
        await folder.OpenAsync(FolderAccess.ReadOnly, _timeout);
        if (folder.Count == 0)
        {
            return [];
        }

        var summaries = await folder.FetchAsync(0, -1, MessageSummaryItems.Envelope, _timeout);
        return summaries.Select(s => s.Envelope?.Subject ?? "").Order(StringComparer.Ordinal).ToList();
    }

    private async Task<List<MessageFlags>> ServerFlagsAsync(ImapServer server, string user)
    {
        using var imap = await _servers.Clients(server).ImapAsync(user, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
        var summaries = await imap.Inbox.FetchAsync(0, -1, MessageSummaryItems.Flags, _timeout);
        return summaries.OrderBy(s => s.Index).Select(s => s.Flags!.Value).ToList();
    }
}
