using MimeKit;
using WebMail.Client.Services;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>
/// Search (run by the server over IMAP, over cached headers for POP3), sort orders and conversations, over IMAP against
/// each real server.
/// </summary>
public sealed class SearchSortThreadTests(WebMailAppFactory dovecot, CyrusAppFactory cyrus, ITestOutputHelper output)
    : IClassFixture<WebMailAppFactory>, IClassFixture<CyrusAppFactory>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private readonly ImapServers _servers = new(dovecot, cyrus, output);

    private static readonly TheoryData<string, string[]> Searches = new()
    {
        { "from:zhang", ["关于期末考试安排的通知"] },
        { "to:dean@school.test", ["Budget 2027"] },
        { "subject:期末考试", ["关于期末考试安排的通知"] },
        { "body:telescope", ["Observatory night"] },
        { "text:observatory", ["Observatory night"] },
        { "text:张老师", ["关于期末考试安排的通知"] },
        { "body:第十八周", ["关于期末考试安排的通知"] },
        { "since:2026-03-01", ["Budget 2027", "Observatory night"] },
        { "until:2026-02-28", ["关于期末考试安排的通知"] },
    };

    /// <summary>Each search on each server.</summary>
    public static TheoryData<ImapServer, string, string[]> ImapSearches()
    {
        var each = new TheoryData<ImapServer, string, string[]>();
        foreach (var server in ImapServers.Each)
        {
            foreach (var search in Searches)
            {
                each.Add(server, (string)search[0], (string[])search[1]);
            }
        }

        return each;
    }

    [Theory]
    [MemberData(nameof(ImapSearches))]
    public async Task Search_OverImap_RunsOnTheServerByEachField(ImapServer server, string term, string[] expected)
    {
        var user = await MailboxWithThreeAsync(server, "search");
        var mail = _servers.App(server).MailFor(user, ReadingProtocol.Imap);

        var page = await mail.ListAsync(new MessageQuery(Search: Parse(term)), refresh: false, _timeout);

        Assert.Equal(expected.Order(StringComparer.Ordinal), page.Messages.Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, page.TotalCount);
        Assert.False(page.BodyNotSearched); // both servers search in UTF-8 themselves
    }

    [Theory]
    [MemberData(nameof(ImapServers.Each), MemberType = typeof(ImapServers))]
    public async Task Search_AcrossAllFolders_ShowsEachResultsFolder(ImapServer server)
    {
        var user = await MailboxWithThreeAsync(server, "everywhere");
        var mail = _servers.App(server).MailFor(user, ReadingProtocol.Imap);
        var archive = (await mail.ListFoldersAsync(refresh: false, _timeout)).Single(f => f.Kind == SpecialFolderKind.Archive);
        var budget = (await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 50), refresh: false, _timeout)).Messages.Single(m => m.Subject == "Budget 2027");
        await mail.MoveAsync([budget.Id], archive.Path, _timeout);

        var inInbox = await mail.ListAsync(new MessageQuery(Search: new MessageSearch(Text: "budget")), refresh: false, _timeout);
        var everywhere = await mail.ListAsync(new MessageQuery(Search: new MessageSearch(Text: "budget"), AllFolders: true), refresh: false, _timeout);

        Assert.Empty(inInbox.Messages);
        var found = Assert.Single(everywhere.Messages);
        Assert.Equal(archive.Path, found.Folder);
        Assert.Contains("Budget 2027", (await mail.OpenAsync(found.Id, _timeout)).View.Subject);
    }

    [Theory]
    [MemberData(nameof(ImapServers.EachReader), MemberType = typeof(ImapServers))]
    public async Task Sort_ByEachKey_InBothDirections(ReadingProtocol protocol, ImapServer server)
    {
        var user = await MailboxWithThreeAsync(server, "sort");
        var mail = _servers.App(server).MailFor(user, protocol);

        async Task<string[]> Subjects(MessageSort sort, bool descending) =>
            [.. (await mail.ListAsync(new MessageQuery(Sort: sort, Descending: descending), refresh: false, _timeout)).Messages.Select(m => m.Subject)];

        Assert.Equal(["Observatory night", "Budget 2027", "关于期末考试安排的通知"], await Subjects(MessageSort.Date, true));
        Assert.Equal(["关于期末考试安排的通知", "Budget 2027", "Observatory night"], await Subjects(MessageSort.Date, false));
        Assert.Equal(["Budget 2027", "Observatory night"], (await Subjects(MessageSort.Subject, false)).Take(2));
        Assert.Equal("Observatory night", (await Subjects(MessageSort.Size, true))[0]);
        Assert.Equal("Budget 2027", (await Subjects(MessageSort.From, false))[0]);
    }

    [Fact]
    public async Task Search_OverPop3_UsesTheHeaders_IncludingChinese()
    {
        var user = await MailboxWithThreeAsync(ImapServer.Dovecot, "pop3search");
        var mail = dovecot.MailFor(user, ReadingProtocol.Pop3);

        var chinese = await mail.ListAsync(new MessageQuery(Search: new MessageSearch(Subject: "期末")), refresh: false, _timeout);
        var from = await mail.ListAsync(new MessageQuery(Search: new MessageSearch(From: "ADA")), refresh: false, _timeout);
        var text = await mail.ListAsync(new MessageQuery(Search: new MessageSearch(Text: "dean@")), refresh: false, _timeout);
        var since = await mail.ListAsync(new MessageQuery(Search: new MessageSearch(Since: new DateOnly(2026, 3, 1))), refresh: false, _timeout);

        Assert.Equal(["关于期末考试安排的通知"], chinese.Messages.Select(m => m.Subject));
        Assert.Equal(["Budget 2027"], from.Messages.Select(m => m.Subject));
        Assert.Equal(["Budget 2027"], text.Messages.Select(m => m.Subject));
        Assert.Equal(2, since.TotalCount);
    }

    [Fact]
    public async Task Pop3_MultiSelectDelete_RemovesOnlyThose_AndNothingElseEverLeavesTheServer()
    {
        var user = await MailboxWithThreeAsync(ImapServer.Dovecot, "pop3delete");
        var mail = dovecot.MailFor(user, ReadingProtocol.Pop3);
        var listed = (await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 50), refresh: false, _timeout)).Messages;
        foreach (var message in listed)
        {
            await mail.OpenAsync(message.Id, _timeout);
        }

        await mail.DeleteAsync([.. listed.Where(m => m.Subject != "Budget 2027").Select(m => m.Id)], _timeout);

        var left = await mail.ListAsync(new MessageQuery(PageIndex: 0, PageSize: 50), refresh: true, _timeout);
        Assert.Equal(["Budget 2027"], left.Messages.Select(m => m.Subject));
        Assert.Equal(1, left.TotalCount);
    }

    [Theory]
    [MemberData(nameof(ImapServers.Each), MemberType = typeof(ImapServers))]
    public async Task Threads_ByReferences_GroupRepliesUnderTheirOriginal(ImapServer server)
    {
        var user = DemoMailServer.NewTestAccount("threads");
        var original = TestMessages.Sent("Field trip", "lee@school.test", new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));
        var other = TestMessages.Sent("Library hours", "lib@school.test", new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.Zero));
        var reply = TestMessages.ReplyTo(original, "Re: Field trip", new DateTimeOffset(2026, 4, 3, 9, 0, 0, TimeSpan.Zero));
        var replyToReply = TestMessages.ReplyTo(reply, "Re: Re: Field trip", new DateTimeOffset(2026, 4, 4, 9, 0, 0, TimeSpan.Zero));
        await _servers.Clients(server).AppendAsync(user, [original, other, reply, replyToReply], _timeout);
        var mail = _servers.App(server).MailFor(user, ReadingProtocol.Imap);

        var page = await mail.ListAsync(new MessageQuery(Threads: true), refresh: false, _timeout);

        // The conversation with the newest message first; in it, each reply under what it answers.
        Assert.Equal(
            [("Field trip", 0), ("Re: Field trip", 1), ("Re: Re: Field trip", 2), ("Library hours", 0)],
            page.Messages.Select(m => (m.Subject, m.ThreadLevel)));
    }

    /// <summary>"field:value" as the search form would fill it.</summary>
    private static MessageSearch Parse(string term)
    {
        var (field, value) = (term[..term.IndexOf(':')], term[(term.IndexOf(':') + 1)..]);
        return field switch
        {
            "from" => new MessageSearch(From: value),
            "to" => new MessageSearch(To: value),
            "subject" => new MessageSearch(Subject: value),
            "body" => new MessageSearch(Body: value),
            "since" => new MessageSearch(Since: DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
            "until" => new MessageSearch(Until: DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
            _ => new MessageSearch(Text: value),
        };
    }

    /// <summary>Three messages that differ in every field searched or sorted on, appended in date order.</summary>
    private async Task<string> MailboxWithThreeAsync(ImapServer server, string purpose)
    {
        var user = DemoMailServer.NewTestAccount(purpose);
        var exam = TestMessages.Sent(TestMessages.ChineseSubject, "zhang@school.test", new DateTimeOffset(2026, 2, 10, 8, 0, 0, TimeSpan.FromHours(8)),
            "张老师", body: TestMessages.ChineseBody);
        var budget = TestMessages.Sent("Budget 2027", "ada@school.test", new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero), "Ada Admin", to: "dean@school.test");
        var night = TestMessages.Sent("Observatory night", "sky@school.test", new DateTimeOffset(2026, 4, 20, 20, 0, 0, TimeSpan.Zero), "Sky Club",
            body: "Bring a warm coat; the telescope is on the roof. " + new string('x', 2000));
        await _servers.Clients(server).AppendAsync(user, [exam, budget, night], _timeout);
        return user;
    }
}
