using System.Security.Cryptography;
using MailKit;
using MailKit.Search;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Server.Mail.Caching;
using WebMail.Server.Mail.Sessions;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>The mail service layer reading a real mailbox, over IMAP (on each real server) and over POP3.</summary>
public sealed class MailboxReadingTests(WebMailAppFactory dovecot, CyrusAppFactory cyrus, ITestOutputHelper output)
    : IClassFixture<WebMailAppFactory>, IClassFixture<CyrusAppFactory>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private readonly ImapServers _servers = new(dovecot, cyrus, output);
    private readonly MailTestClients _clients = new(output); // Dovecot: for POP3 and the cases about the webmail itself

    [Theory]
    [MemberData(nameof(ImapServers.EachReader), MemberType = typeof(ImapServers))]
    public async Task List_SevenMessages_PagesNewestFirst(ReadingProtocol protocol, ImapServer server)
    {
        var user = DemoMailServer.NewTestAccount("list");
        await _servers.Clients(server).AppendAsync(user, Enumerable.Range(1, 7).Select(i => TestMessages.Plain($"Message {i}")), _timeout);
        var mail = _servers.App(server).MailFor(user, protocol);

        var first = await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 3), refresh: false, _timeout);
        var last = await mail.ListAsync(new MessageQuery(PageIndex: 2, PageSize: 3), refresh: false, _timeout);

        Assert.Equal(7, first.TotalCount);
        Assert.Equal(3, first.PageCount);
        Assert.Equal(["Message 7", "Message 6", "Message 5"], first.Messages.Select(m => m.Subject));
        Assert.Equal(["Message 1"], last.Messages.Select(m => m.Subject));
        Assert.All(first.Messages, m => Assert.False(m.IsRead));
        Assert.Equal("sender@school.test", first.Messages[0].FromAddress);
    }

    [Theory]
    [MemberData(nameof(ImapServers.EachReader), MemberType = typeof(ImapServers))]
    public async Task Undated_ListedAndOpenedWithTheTimeItArrived_OrNoDate_NeverTheYearOne(ReadingProtocol protocol, ImapServer server)
    {
        var user = DemoMailServer.NewTestAccount("undated");
        var received = TestMessages.Plain("received line only");
        received.Headers.Remove(MimeKit.HeaderId.Date);
        received.Headers.Insert(0, new MimeKit.Header(MimeKit.HeaderId.Received, "from mx.school.test by mail.school.test; Tue, 1 Dec 2026 09:30:00 +0800"));
        var bare = TestMessages.Plain("no time at all");
        bare.Headers.Remove(MimeKit.HeaderId.Date);
        var appended = DateTimeOffset.Now.AddMinutes(-5);
        await _servers.Clients(server).AppendAsync(user, [received, bare], _timeout);
        var mail = _servers.App(server).MailFor(user, protocol);

        var listed = (await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 10), refresh: false, _timeout)).Messages
            .ToDictionary(m => m.Subject);
        var openedReceived = await mail.OpenAsync(listed["received line only"].Id, _timeout);
        var openedBare = await mail.OpenAsync(listed["no time at all"].Id, _timeout);

        var receivedAt = DateTimeOffset.Parse("2026-12-01T09:30:00+08:00");
        if (protocol == ReadingProtocol.Imap)
        {
            // The server's arrival time (INTERNALDATE, RFC 3501 §2.3.3), which every IMAP message has.
            Assert.All(listed.Values, m => Assert.True(m.Date >= appended, $"{m.Subject}: {m.Date}"));
        }
        else
        {
            Assert.Equal(receivedAt, listed["received line only"].Date);
            Assert.Equal(DateTimeOffset.MinValue, listed["no time at all"].Date);
        }

        Assert.Equal(receivedAt, openedReceived.View.Date);
        Assert.Equal(DateTimeOffset.MinValue, openedBare.View.Date);
    }

    [Theory]
    [MemberData(nameof(ImapServers.EachReader), MemberType = typeof(ImapServers))]
    public async Task Open_EachKindOfMessage_DecodesWhatAReaderNeeds(ReadingProtocol protocol, ImapServer server)
    {
        var user = DemoMailServer.NewTestAccount("open");
        var attachment = RandomNumberGenerator.GetBytes(20_000);
        await _servers.Clients(server).AppendAsync(user,
        [
            TestMessages.Plain("plain"), TestMessages.Html("html"), TestMessages.Alternative("alternative"),
            TestMessages.WithAttachment("attachment", attachment), TestMessages.WithInlineImage("inline"), TestMessages.Gb2312(),
        ], _timeout);
        var mail = _servers.App(server).MailFor(user, protocol);
        var ids = (await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 10), refresh: false, _timeout)).Messages.Reverse().Select(m => m.Id).ToList();

        var plain = await mail.OpenAsync(ids[0], _timeout);
        Assert.Contains("Line two with https://example.edu/page link.", plain.View.TextBody);
        Assert.False(plain.View.HasHtmlBody);

        var html = await mail.OpenAsync(ids[1], _timeout);
        Assert.True(html.View.HasHtmlBody);
        Assert.True(html.View.HasRemoteContent);
        Assert.Contains("<b>bold</b>", html.SafeHtml);
        Assert.DoesNotContain("<script", html.SafeHtml);
        Assert.Contains("Hello bold world", html.View.TextBody);

        var alternative = await mail.OpenAsync(ids[2], _timeout);
        Assert.Equal("The plain alternative.", alternative.View.TextBody?.Trim());
        Assert.Contains("<i>HTML</i>", alternative.SafeHtml);

        var withAttachment = await mail.OpenAsync(ids[3], _timeout);
        var listed = Assert.Single(withAttachment.View.Attachments);
        Assert.Equal(TestMessages.ChineseFileName, listed.FileName);
        Assert.InRange(listed.Size, 19_000, 21_000);
        Assert.Equal(attachment, WebMail.Server.Mail.Rendering.MessageRenderer.Attachment(withAttachment.Raw, 0)!.Value.Content);

        var inline = await mail.OpenAsync(ids[4], _timeout);
        Assert.Contains("src=\"data:image/png;base64,", inline.SafeHtml);

        var chinese = await mail.OpenAsync(ids[5], _timeout);
        Assert.Equal(TestMessages.ChineseSubject, chinese.View.Subject);
        Assert.Equal(TestMessages.ChineseBody, chinese.View.TextBody?.Trim());
        Assert.Equal("教务处", chinese.View.FromName);
        Assert.All(new[] { plain, html, alternative, withAttachment, inline, chinese }, m => Assert.False(m.View.DecodingProblems));
    }

    [Theory]
    [MemberData(nameof(ImapServers.EachReader), MemberType = typeof(ImapServers))]
    public async Task Open_SecondTime_IsServedFromTheCacheWithoutTheServer(ReadingProtocol protocol, ImapServer server)
    {
        var user = DemoMailServer.NewTestAccount("cache");
        await _servers.Clients(server).AppendAsync(user, [TestMessages.Plain("cached", "Cached body.")], _timeout);
        var mail = _servers.App(server).MailFor(user, protocol);
        var id = (await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 10), refresh: false, _timeout)).Messages.Single().Id;
        await mail.OpenAsync(id, _timeout);

        // Remove the message behind the webmail's back: only a cache can still show it.
        await ExpungeAllAsync(server, user);
        var again = await mail.OpenAsync(id, _timeout);

        Assert.Equal("Cached body.", again.View.TextBody?.Trim());
        Assert.Equal(1, mail.Cache.Messages.Count);
        Assert.Equal(0, (await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 10), refresh: true, _timeout)).TotalCount);
    }

    [Theory]
    [MemberData(nameof(ImapServers.EachReader), MemberType = typeof(ImapServers))]
    public async Task Delete_ThenRefresh_TheMessageIsGoneFromTheServer(ReadingProtocol protocol, ImapServer server)
    {
        var user = DemoMailServer.NewTestAccount("delete");
        await _servers.Clients(server).AppendAsync(user, [TestMessages.Plain("keep"), TestMessages.Plain("remove")], _timeout);
        var mail = _servers.App(server).MailFor(user, protocol);
        var remove = (await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 10), refresh: false, _timeout)).Messages.Single(m => m.Subject == "remove");

        await mail.DeleteAsync([remove.Id], _timeout);

        var page = await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 10), refresh: true, _timeout);
        Assert.Equal(["keep"], page.Messages.Select(m => m.Subject));
        using var imap = await _servers.Clients(server).ImapAsync(user, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(MailKit.FolderAccess.ReadOnly, _timeout);
        Assert.Equal(1, imap.Inbox.Count);
    }

    [Theory]
    [MemberData(nameof(ImapServers.Each), MemberType = typeof(ImapServers))]
    public async Task List_Paperclip_AlsoForAFileSentAsANamedPartWithoutDisposition_NotForAnInlineImage(ImapServer server)
    {
        var user = DemoMailServer.NewTestAccount("paperclip");
        MimeKit.MimeMessage Parsed(string subject, string parts) => MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            $"From: a@school.test\r\nTo: b@school.test\r\nSubject: {subject}\r\nDate: Tue, 01 Dec 2026 08:00:00 +0800\r\nMIME-Version: 1.0\r\n" +
            $"Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\n--XYZ\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee below.\r\n{parts}--XYZ--\r\n")));
        await _servers.Clients(server).AppendAsync(user,
        [
            Parsed("named part", "--XYZ\r\nContent-Type: application/pdf; name=\"report.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0x\r\n"),
            Parsed("inline image", "--XYZ\r\nContent-Type: image/png\r\nContent-ID: <logo@school.test>\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n"),
        ], _timeout);
        var mail = _servers.App(server).MailFor(user, ReadingProtocol.Imap);

        var listed = (await mail.ListAsync(new MessageQuery(), refresh: false, _timeout)).Messages.ToDictionary(m => m.Subject, m => m.HasAttachments);

        Assert.True(listed["named part"]);
        Assert.False(listed["inline image"]);
    }

    [Theory]
    [MemberData(nameof(ImapServers.Each), MemberType = typeof(ImapServers))]
    public async Task SetRead_OverImap_IsSeenByAnotherClient(ImapServer server)
    {
        var user = DemoMailServer.NewTestAccount("flags");
        var ids = await _servers.Clients(server).AppendAsync(user, [TestMessages.Plain("flag me")], _timeout);
        var mail = _servers.App(server).MailFor(user, ReadingProtocol.Imap);
        await mail.OpenAsync(ids[0], _timeout);
        Assert.False(await IsSeenAsync(server, user)); // downloaded with BODY.PEEK: nothing the user did yet
        await mail.AfterShownAsync(ids[0]);
        Assert.True(await IsSeenAsync(server, user));

        await mail.SetReadAsync([ids[0]], read: false, _timeout);

        Assert.False(await IsSeenAsync(server, user));
        Assert.False((await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 10), refresh: true, _timeout)).Messages.Single().IsRead);
    }

    [Theory]
    [MemberData(nameof(ImapServers.EachReader), MemberType = typeof(ImapServers))]
    public async Task Read_AfterTheBodyWasFetchedUnread_MarksItReadInTheList(ReadingProtocol protocol, ImapServer server)
    {
        var user = DemoMailServer.NewTestAccount("read");
        await _servers.Clients(server).AppendAsync(user, [TestMessages.Plain("open me")], _timeout);
        var mail = _servers.App(server).MailFor(user, protocol);
        var id = (await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 10), refresh: false, _timeout)).Messages.Single().Id;
        await mail.OpenAsync(id, _timeout);
        Assert.False((await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 10), refresh: true, _timeout)).Messages.Single().IsRead);

        await mail.AfterShownAsync(id);

        Assert.True((await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 10), refresh: false, _timeout)).Messages.Single().IsRead);
        Assert.True((await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 10), refresh: true, _timeout)).Messages.Single().IsRead);
    }

    [Fact]
    public async Task FolderAndFlagActions_OverPop3_RefusedWithAProblemTheUiCanSay()
    {
        var user = DemoMailServer.NewTestAccount("pop3-refuse");
        await _clients.AppendAsync(user, [TestMessages.Plain("only inbox")], _timeout);
        var mail = dovecot.MailFor(user, ReadingProtocol.Pop3);
        var id = (await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 10), refresh: false, _timeout)).Messages.Single().Id;

        var move = await Assert.ThrowsAsync<MailOperationException>(() => mail.MoveAsync([id], "Archive", _timeout));
        var star = await Assert.ThrowsAsync<MailOperationException>(() => mail.SetFlaggedAsync([id], true, _timeout));

        Assert.Equal(MailProblem.NotAvailableOverPop3, move.Problem);
        Assert.Equal(MailProblem.NotAvailableOverPop3, star.Problem);
    }

    [Theory]
    [MemberData(nameof(ImapServers.Each), MemberType = typeof(ImapServers))]
    public async Task Open_UnknownOrForeignId_IsMessageNotFound(ImapServer server)
    {
        var user = DemoMailServer.NewTestAccount("unknown");
        await _servers.Clients(server).AppendAsync(user, [TestMessages.Plain("only")], _timeout);
        var mail = _servers.App(server).MailFor(user, ReadingProtocol.Imap);

        var problem = await Assert.ThrowsAsync<MailOperationException>(() => mail.OpenAsync("1.999999", _timeout));

        Assert.Equal(MailProblem.MessageNotFound, problem.Problem);
    }

    [Fact]
    public async Task Cache_SmallByteBound_EvictsLeastRecentlyUsed()
    {
        await using var smallCache = WebMailAppFactory.With(new() { ["MessageCache:MaxBytesPerSession"] = "150000" });
        var user = DemoMailServer.NewTestAccount("evict");
        var ids = await _clients.AppendAsync(user,
            Enumerable.Range(1, 4).Select(i => TestMessages.WithAttachment($"big {i}", RandomNumberGenerator.GetBytes(40_000))), _timeout);
        var mail = smallCache.MailFor(user, ReadingProtocol.Imap);

        foreach (var id in ids)
        {
            await mail.OpenAsync(id, _timeout);
        }

        Assert.InRange(mail.Cache.Messages.Count, 1, 2);
        Assert.InRange(mail.Cache.Messages.Bytes, 1, 150_000);
        Assert.True(mail.Cache.Messages.TryGet(ids[^1], out _), "the most recently opened message stays");
        Assert.False(mail.Cache.Messages.TryGet(ids[0], out _), "the least recently opened message goes first");
    }

    [Fact]
    public async Task SessionEnd_EmptiesItsCacheAndClosesItsConnection()
    {
        var user = DemoMailServer.NewTestAccount("end");
        var ids = await _clients.AppendAsync(user, [TestMessages.Plain("one")], _timeout);
        var store = dovecot.Services.GetRequiredService<UserSessionStore>();
        var budget = dovecot.Services.GetRequiredService<MessageCacheBudget>();
        var session = await store.CreateAsync(user, DemoMailServer.Domain, ReadingProtocol.Imap, DemoMailServer.TestPassword);
        var mail = dovecot.Services.GetRequiredService<SessionMailboxes>().For(session);
        await mail.OpenAsync(ids[0], _timeout);
        var before = budget.Used;

        await store.EndAsync(session.Id, "test");

        Assert.Equal(0, mail.Cache.Messages.Count);
        Assert.True(budget.Used <= before - 1);
        Assert.Throws<SessionEndedException>(session.RevealPassword);
        var problem = await Assert.ThrowsAsync<MailOperationException>(() => mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 10), refresh: true, _timeout));
        Assert.Equal(MailProblem.SessionEnded, problem.Problem);
    }

    [Fact]
    public async Task ImapConnection_UnusedLongerThanTheIdleLimit_IsLoggedOutAndComesBackWhenNeeded()
    {
        await using var quickIdle = WebMailAppFactory.With(new() { ["Sessions:ImapIdleDisconnect"] = "00:00:02" });
        var user = DemoMailServer.NewTestAccount("idleimap");
        await _clients.AppendAsync(user, [TestMessages.Plain("one")], _timeout);
        var mail = quickIdle.MailFor(user, ReadingProtocol.Imap);
        var store = Assert.IsType<WebMail.Server.Mail.Imap.ImapMailStore>(mail.Store);

        await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 10), refresh: false, _timeout);
        Assert.True(store.IsConnected);
        await Task.Delay(TimeSpan.FromSeconds(3.5), _timeout);

        Assert.False(store.IsConnected);
        Assert.Equal(1, (await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 10), refresh: true, _timeout)).TotalCount);
    }

    [Theory]
    [InlineData(ReadingProtocol.Imap)]
    [InlineData(ReadingProtocol.Pop3)]
    public async Task List_ServerRefusesOneConnectionTooMany_SaysTooManyConnections_AndWorksOnceOneCloses(ReadingProtocol protocol)
    {
        // Dovecot allows two connections per user from this address.
        var serverPort = protocol == ReadingProtocol.Imap ? DemoMailServer.ImapsPort : DemoMailServer.Pop3sPort;
        using var relay = new TcpRelay(serverPort, DemoMailServer.ConnectionLimitedAddress);
        await using var host = WebMailAppFactory.With(new() { [$"Mail:Domains:0:{protocol}:Port"] = relay.Port.ToString() });
        var user = DemoMailServer.NewTestAccount("limitread");
        await _clients.AppendAsync(user, [TestMessages.Plain("Waiting")], _timeout);
        var domain = DemoMailServer.DomainOptions();
        domain.Imap!.Port = domain.Pop3!.Port = relay.Port;
        var limited = new MailTestClients(output, domain);
        using MailService first = protocol == ReadingProtocol.Imap
            ? await limited.ImapAsync(user, DemoMailServer.TestPassword, _timeout)
            : await limited.Pop3Async(user, DemoMailServer.TestPassword, _timeout);
        using MailService second = protocol == ReadingProtocol.Imap
            ? await limited.ImapAsync(user, DemoMailServer.TestPassword, _timeout)
            : await limited.Pop3Async(user, DemoMailServer.TestPassword, _timeout);
        var mail = host.MailFor(user, protocol);

        var refused = await Assert.ThrowsAsync<MailOperationException>(() => mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 10), refresh: true, _timeout));

        Assert.Equal(MailProblem.TooManyConnections, refused.Problem);
        await second.DisconnectAsync(quit: true, _timeout);
        Assert.Equal(1, (await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 10), refresh: true, _timeout)).TotalCount);
    }

    private async Task ExpungeAllAsync(ImapServer server, string user)
    {
        using var imap = await _servers.Clients(server).ImapAsync(user, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(MailKit.FolderAccess.ReadWrite, _timeout);
        var all = await imap.Inbox.SearchAsync(SearchQuery.All, _timeout);
        await imap.Inbox.AddFlagsAsync(all, MailKit.MessageFlags.Deleted, silent: true, _timeout);
        await imap.Inbox.ExpungeAsync(_timeout);
    }

    private async Task<bool> IsSeenAsync(ImapServer server, string user)
    {
        using var imap = await _servers.Clients(server).ImapAsync(user, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(MailKit.FolderAccess.ReadOnly, _timeout);
        var summary = (await imap.Inbox.FetchAsync(0, -1, MailKit.MessageSummaryItems.Flags, _timeout)).Single();
        return summary.Flags!.Value.HasFlag(MailKit.MessageFlags.Seen);
    }
}
