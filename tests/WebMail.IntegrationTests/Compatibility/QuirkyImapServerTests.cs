using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Server.Mail.Sessions;
using WebMail.Testing;
using WebMail.Testing.Quirks;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests.Compatibility;

/// <summary>
/// Servers that cannot run here, reproduced by <see cref="ImapQuirkRelay"/> in front of the real Dovecot with the
/// behaviours other clients' trackers document (cited on <see cref="ImapQuirks"/>): sign-in and reading work as on
/// Dovecot, and the protocol WebMail spoke is written to the test output.
/// </summary>
public sealed class QuirkyImapServerTests(ITestOutputHelper output)
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private readonly MailTestClients _clients = new(output);

    [Fact]
    public async Task Coremail_SaslIrRefusedAndSelectBeforeIdRefused_SignsInWithLoginSendsIdAndListsTheInbox()
    {
        await using var relay = new ImapQuirkRelay(ImapQuirks.Coremail);
        await using var app = WebMailAppFactory.With(relay.AppConfiguration());
        var user = DemoMailServer.NewTestAccount("coremail");
        await _clients.AppendAsync(user, [TestMessages.Plain(TestMessages.ChineseSubject)], _timeout);

        using var client = new SignInClient(app);
        using var signedIn = await client.SignInAsync(user, DemoMailServer.TestPassword, "Imap", _timeout);
        var page = await WithProtocolAsync(relay, () => app.MailOfSignedIn(user).ListAsync(new MessageQuery(), refresh: false, _timeout));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(TestMessages.ChineseSubject, Assert.Single(page.Messages).Subject);
        var commands = relay.Commands;
        // After the BAD to AUTHENTICATE PLAIN with an initial response, MailKit signs in with the next mechanism.
        Assert.Contains(commands, c => c.StartsWith("AUTHENTICATE LOGIN", StringComparison.Ordinal) || c.StartsWith("LOGIN", StringComparison.Ordinal));
        var firstSelect = commands.ToList().FindIndex(c => c.StartsWith("SELECT", StringComparison.Ordinal) || c.StartsWith("EXAMINE", StringComparison.Ordinal));
        Assert.InRange(commands.ToList().FindLastIndex(firstSelect, c => c.StartsWith("ID ", StringComparison.Ordinal)), 0, firstSelect);
    }

    [Fact]
    public async Task Coremail_SchoolAllowsOnlyLogin_NoPlainAttemptIsMade()
    {
        await using var relay = new ImapQuirkRelay(ImapQuirks.Coremail);
        await using var app = WebMailAppFactory.With(relay.AppConfiguration(("Mail:Domains:0:AuthenticationMechanisms:0", "LOGIN")));
        var user = DemoMailServer.NewTestAccount("coremail-login");
        using var client = new SignInClient(app);

        using var signedIn = await WithProtocolAsync(relay, () => client.SignInAsync(user, DemoMailServer.TestPassword, "Imap", _timeout));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain(relay.Commands, c => c.StartsWith("AUTHENTICATE PLAIN", StringComparison.Ordinal));
        Assert.Contains(relay.Commands, c => c.StartsWith("AUTHENTICATE LOGIN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Coremail_IdTurnedOff_InboxRefusalIsNotCalledAMissingFolder()
    {
        await using var relay = new ImapQuirkRelay(ImapQuirks.Coremail);
        await using var app = WebMailAppFactory.With(relay.AppConfiguration(("Mail:Domains:0:ImapId:Send", "false")));
        var mailbox = app.MailFor(DemoMailServer.NewTestAccount("coremail-noid"), ReadingProtocol.Imap);

        var failure = await Assert.ThrowsAsync<MailOperationException>(() =>
            WithProtocolAsync(relay, () => mailbox.ListAsync(new MessageQuery(), refresh: false, _timeout)));

        Assert.Equal(MailProblem.ProtocolError, failure.Problem);
        Assert.DoesNotContain(relay.Commands, c => c.StartsWith("ID ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Coremail_ForwardClientAddress_OnlyWhenTheSchoolTurnsItOn(bool forward)
    {
        await using var relay = new ImapQuirkRelay(ImapQuirks.Coremail);
        await using var app = WebMailAppFactory.With(relay.AppConfiguration(("Mail:Domains:0:ImapId:ForwardClientAddress", forward.ToString())));
        var user = DemoMailServer.NewTestAccount("coremail-origin");
        var session = await app.Services.GetRequiredService<UserSessionStore>().CreateAsync(
            user, DemoMailServer.Domain, ReadingProtocol.Imap, DemoMailServer.TestPassword, _timeout, new SessionOrigin("Chrome · Windows", "203.0.113.7"));

        await WithProtocolAsync(relay, () => app.Services.GetRequiredService<SessionMailboxes>().For(session).ListAsync(new MessageQuery(), refresh: false, _timeout));

        var id = relay.Commands.First(c => c.StartsWith("ID ", StringComparison.Ordinal));
        Assert.Equal(forward, id.Contains("\"x-originating-ip\" \"203.0.113.7\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TencentExmail_DescendingUidSetsRefused_PagesListInOrderWithAscendingSets()
    {
        await using var relay = new ImapQuirkRelay(ImapQuirks.TencentExmail);
        await using var app = WebMailAppFactory.With(relay.AppConfiguration());
        var user = DemoMailServer.NewTestAccount("exmail");
        var start = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.FromHours(8));
        await _clients.AppendAsync(user, Enumerable.Range(1, 12).Select(i => TestMessages.Sent($"第{i}周通知", "jw@school.test", start.AddDays(i))), _timeout);
        var mailbox = app.MailFor(user, ReadingProtocol.Imap);

        var (first, second) = await WithProtocolAsync(relay, async () =>
        {
            var first = await mailbox.ListAsync(new MessageQuery(PageSize: 5), refresh: false, _timeout);
            var second = await mailbox.ListAsync(new MessageQuery(PageIndex: 1, PageSize: 5), refresh: false, _timeout);
            await mailbox.SetReadAsync([.. first.Messages.Select(m => m.Id)], read: true, _timeout);
            return (first, second);
        });
        Assert.Equal(["第12周通知", "第11周通知", "第10周通知", "第9周通知", "第8周通知"], first.Messages.Select(m => m.Subject));
        Assert.Equal(["第7周通知", "第6周通知", "第5周通知", "第4周通知", "第3周通知"], second.Messages.Select(m => m.Subject));
        Assert.All(relay.Commands.Where(c => c.StartsWith("UID ", StringComparison.Ordinal)),
            c => Assert.True(ImapQuirkRelay.IsAscending(c.Split(' ')[2]), c));
    }

    [Fact]
    public async Task Exchange_Utf8SearchRefused_ChineseSearchStillFindsBySubjectAndSender()
    {
        await using var relay = new ImapQuirkRelay(ImapQuirks.Exchange);
        await using var app = WebMailAppFactory.With(relay.AppConfiguration());
        var user = DemoMailServer.NewTestAccount("exchange");
        var day = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.FromHours(8));
        await _clients.AppendAsync(user, [
            TestMessages.Sent("期末考试安排", "jw@school.test", day, "教务处"),
            TestMessages.Sent("Library hours", "lib@school.test", day.AddDays(1), "图书馆"),
            TestMessages.Sent("实验室开放", "lab@school.test", day.AddDays(2), "实验中心", body: "期末考试期间暂停开放"),
        ], _timeout);
        var mailbox = app.MailFor(user, ReadingProtocol.Imap);

        var bySubject = await WithProtocolAsync(relay, () => mailbox.ListAsync(
            new MessageQuery(Search: new MessageSearch(Text: "期末考试")), refresh: false, _timeout));
        var bySender = await mailbox.ListAsync(new MessageQuery(Search: new MessageSearch(From: "图书馆")), refresh: false, _timeout);

        Assert.Contains(relay.Commands, c => c.Contains("CHARSET UTF-8", StringComparison.Ordinal));
        Assert.Equal(["期末考试安排"], bySubject.Messages.Select(m => m.Subject));
        Assert.True(bySubject.BodyNotSearched);
        Assert.Equal(["Library hours"], bySender.Messages.Select(m => m.Subject));
    }

    [Fact]
    public async Task NoSort_LargeFolder_ByDateNeedsNoEnvelopesAndOtherOrdersSortTheNewestOnly()
    {
        await using var relay = new ImapQuirkRelay(ImapQuirks.TencentExmail);
        await using var app = WebMailAppFactory.With(relay.AppConfiguration(("Reading:MaxLocalSort", "5")));
        var user = DemoMailServer.NewTestAccount("nosort");
        var start = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.FromHours(8));
        // Subjects run with arrival: sorted over all twelve, "b …" would come first; over the newest five, "i …".
        await _clients.AppendAsync(user, Enumerable.Range(1, 12).Select(i => TestMessages.Sent($"{(char)('a' + i)} 第{i}周", "jw@school.test", start.AddDays(i))), _timeout);
        var mailbox = app.MailFor(user, ReadingProtocol.Imap);
        var search = new MessageSearch(From: "jw@school.test");

        var byDate = await WithProtocolAsync(relay, () => mailbox.ListAsync(new MessageQuery(PageSize: 3, Search: search), refresh: false, _timeout));
        var envelopesForDate = relay.Commands.Count(c => c.Contains("ENVELOPE", StringComparison.Ordinal));
        var bySubject = await mailbox.ListAsync(new MessageQuery(PageSize: 3, Search: search, Sort: MessageSort.Subject, Descending: false), refresh: false, _timeout);

        Assert.Equal(["m 第12周", "l 第11周", "k 第10周"], byDate.Messages.Select(m => m.Subject));
        Assert.False(byDate.SortedNewestOnly);
        Assert.Equal(12, byDate.TotalCount);
        Assert.Equal(1, envelopesForDate); // the page's own
        Assert.True(bySubject.SortedNewestOnly);
        Assert.Equal(5, bySubject.TotalCount);
        Assert.Equal(["i 第8周", "j 第9周", "k 第10周"], bySubject.Messages.Select(m => m.Subject));
    }

    [Fact]
    public async Task NoThreadNoSort_OrdersWorkedOutHere_BoundedAndKeptWhileTheSameMessagesMatch()
    {
        await using var relay = new ImapQuirkRelay(ImapQuirks.TencentExmail);
        await using var app = WebMailAppFactory.With(relay.AppConfiguration(("Reading:MaxLocalSort", "5")));
        var user = DemoMailServer.NewTestAccount("nothread");
        var start = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.FromHours(8));
        var notices = Enumerable.Range(1, 10).Select(i => TestMessages.Sent($"{(char)('a' + i)} 第{i}周", "jw@school.test", start.AddDays(i))).ToList();
        await _clients.AppendAsync(user, [.. notices, TestMessages.ReplyTo(notices[^1], "Re: k 第10周", start.AddDays(11))], _timeout);
        var mailbox = app.MailFor(user, ReadingProtocol.Imap);
        // The envelopes fetched to order messages here; a page's own fetch also asks for BODYSTRUCTURE.
        int OrderingFetches() => relay.Commands.Count(c => c.Contains("ENVELOPE", StringComparison.Ordinal) && !c.Contains("BODYSTRUCTURE", StringComparison.Ordinal));

        var threads = await WithProtocolAsync(relay, () => mailbox.ListAsync(new MessageQuery(PageSize: 3, Threads: true), refresh: false, _timeout));
        var bySubject = new MessageQuery(PageSize: 3, Sort: MessageSort.Subject, Descending: false);
        var first = await mailbox.ListAsync(bySubject, refresh: false, _timeout);
        var second = await mailbox.ListAsync(bySubject with { PageIndex = 1 }, refresh: false, _timeout);
        var fetchesForBothPages = OrderingFetches();
        await _clients.AppendAsync(user, [TestMessages.Sent("a new notice", "jw@school.test", start.AddDays(12))], _timeout);
        var afterNewMail = await mailbox.ListAsync(bySubject, refresh: true, _timeout);

        // Conversations of the newest five only (第7周 … 第10周 and the reply), the reply under its original.
        Assert.True(threads.SortedNewestOnly);
        Assert.Equal(5, threads.TotalCount);
        Assert.Equal([("k 第10周", 0), ("Re: k 第10周", 1), ("j 第9周", 0)], threads.Messages.Select(m => (m.Subject, m.ThreadLevel)));
        Assert.Equal(["h 第7周", "i 第8周", "j 第9周"], first.Messages.Select(m => m.Subject));
        // "Re: " is not part of the subject sorted on (RFC 5256), so the reply and its original tie.
        Assert.Equal(["Re: k 第10周", "k 第10周"], second.Messages.Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(2, fetchesForBothPages); // one for the conversations, one for both pages by subject
        Assert.Equal("a new notice", afterNewMail.Messages[0].Subject);
        Assert.Equal(3, OrderingFetches());
        Assert.All(relay.Commands.Where(c => c.StartsWith("UID ", StringComparison.Ordinal)), c => Assert.True(ImapQuirkRelay.IsAscending(c.Split(' ')[2]), c));
    }

    [Fact]
    public async Task Coremail_ChineseFolderNamesWithoutSpecialUse_RecognisedAndUsed()
    {
        await using var relay = new ImapQuirkRelay(ImapQuirks.CoremailWithChineseFolders);
        await using var app = WebMailAppFactory.With(relay.AppConfiguration());
        var user = DemoMailServer.NewTestAccount("coremail-folders");

        var folders = await FoldersThenDeleteOneAsync(relay, app, user);

        Assert.DoesNotContain(relay.Commands, c => c.Contains("SPECIAL-USE", StringComparison.Ordinal));
        Assert.Equal(SpecialFolderKind.Sent, folders.Single(f => f.Name == "已发送").Kind);
        Assert.Equal(SpecialFolderKind.Trash, folders.Single(f => f.Name == "已删除").Kind);
        Assert.Equal(SpecialFolderKind.Drafts, folders.Single(f => f.Name == "草稿箱").Kind);
        Assert.Equal(SpecialFolderKind.Junk, folders.Single(f => f.Name == "垃圾邮件").Kind);
        Assert.Equal(SpecialFolderKind.Archive, folders.Single(f => f.Name == "归档").Kind);
        // Deleting moved it to 已删除, which is the server's Trash.
        Assert.Equal(1, await ServerTrashCountAsync(user));
    }

    [Fact]
    public async Task XlistOnly_SpecialFoldersUnderUnusualNames_RecognisedFromXlistAndUsed()
    {
        await using var relay = new ImapQuirkRelay(ImapQuirks.XlistOnly);
        await using var app = WebMailAppFactory.With(relay.AppConfiguration());
        var user = DemoMailServer.NewTestAccount("xlist");

        var folders = await FoldersThenDeleteOneAsync(relay, app, user);

        // MailKit asks XLIST once at sign-in and keeps its marks on the folders; a later LIST carries none.
        Assert.Contains(relay.Commands, c => c.StartsWith("XLIST", StringComparison.Ordinal));
        Assert.Equal(SpecialFolderKind.Sent, folders.Single(f => f.Name == "已发邮件").Kind);
        Assert.Equal(SpecialFolderKind.Trash, folders.Single(f => f.Name == "回收站").Kind);
        Assert.Equal(SpecialFolderKind.Junk, folders.Single(f => f.Name == "Bulk Mail").Kind);
        Assert.Equal(SpecialFolderKind.Drafts, folders.Single(f => f.Name == "Drafts").Kind);
        Assert.Equal([SpecialFolderKind.Inbox, SpecialFolderKind.Drafts, SpecialFolderKind.Sent], folders.Take(3).Select(f => f.Kind));
        // Deleting moved it to 回收站, which is the server's Trash.
        Assert.Equal(1, await ServerTrashCountAsync(user));
    }

    /// <summary>Lists the folders (protocol written out), then deletes the one message put in the inbox first.</summary>
    private async Task<IReadOnlyList<MailFolder>> FoldersThenDeleteOneAsync(ImapQuirkRelay relay, WebMailAppFactory app, string user)
    {
        await _clients.AppendAsync(user, [TestMessages.Plain("删除我")], _timeout);
        var mailbox = app.MailFor(user, ReadingProtocol.Imap);
        var folders = await WithProtocolAsync(relay, () => mailbox.ListFoldersAsync(refresh: false, _timeout));
        var page = await mailbox.ListAsync(new MessageQuery(), refresh: false, _timeout);
        await mailbox.DeleteAsync([page.Messages.Single().Id], _timeout);
        return folders;
    }

    /// <summary>How many messages the real server's Trash holds, asked directly (not through the relay).</summary>
    private async Task<int> ServerTrashCountAsync(string user)
    {
        using var imap = await _clients.ImapAsync(user, DemoMailServer.TestPassword, _timeout);
        var trash = await imap.GetFolderAsync("Trash", _timeout);
        await trash.OpenAsync(MailKit.FolderAccess.ReadOnly, _timeout);
        return trash.Count;
    }

    /// <summary>Runs <paramref name="work"/>, then writes what WebMail said to the server, also when it failed.</summary>
    private async Task<T> WithProtocolAsync<T>(ImapQuirkRelay relay, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        finally
        {
            foreach (var command in relay.Commands)
            {
                output.WriteLine("C (through the relay): " + command);
            }
        }
    }
}
