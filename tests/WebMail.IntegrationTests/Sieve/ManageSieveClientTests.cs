using MailKit;
using MailKit.Search;
using WebMail.Client.Services;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Sieve;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests.Sieve;

/// <summary>
/// The ManageSieve client against the real Dovecot Pigeonhole started by scripts/mailserver.sh: STARTTLS with the
/// certificate checked, sign-in, scripts stored, checked, activated, read back and deleted; and the scripts really
/// run at delivery (an away message answers once, a filter files a message).
/// </summary>
public sealed class ManageSieveClientTests(ITestOutputHelper output)
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;
    private readonly MailTestClients _clients = new(output);

    private static MailEndpointOptions Endpoint => DemoPigeonhole.Endpoint;

    private Task<ManageSieveClient> SignedInAsync(string user) => DemoPigeonhole.SignedInAsync(user, _timeout);

    [Fact]
    public async Task Connect_StartTlsAndSignIn_ServerRunsVacationAndFileinto_NoScriptsYet()
    {
        await using var client = await SignedInAsync(DemoMailServer.NewTestAccount("sieve-hello"));

        Assert.Contains("vacation", client.Extensions);
        Assert.Contains("fileinto", client.Extensions);
        Assert.Contains("Pigeonhole", client.Capabilities["IMPLEMENTATION"], StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await client.ListScriptsAsync(_timeout));
    }

    [Fact]
    public async Task WrongPassword_Refused()
    {
        await using var client = new ManageSieveClient(Endpoint, new MailCertificateValidator(DemoMailServer.DomainOptions()));
        await client.ConnectAsync(_timeout);

        await Assert.ThrowsAsync<MailKit.Security.AuthenticationException>(() =>
            client.AuthenticateAsync(DemoMailServer.NewTestAccount("sieve-wrong"), "not-the-password", _timeout));
    }

    [Fact]
    public async Task UntrustedCertificate_NoPasswordSent()
    {
        var untrusting = new MailCertificateValidator(new MailDomainOptions { Name = DemoMailServer.Domain });
        await using var client = new ManageSieveClient(Endpoint, untrusting);

        await Assert.ThrowsAsync<MailKit.Security.SslHandshakeException>(() => client.ConnectAsync(_timeout));
    }

    [Fact]
    public async Task Scripts_CheckedStoredActivatedReadBackAndDeleted_ChineseIntact()
    {
        await using var client = await SignedInAsync(DemoMailServer.NewTestAccount("sieve-scripts"));
        const string script = "require [\"fileinto\"];\r\n# 图书馆的通知放进归档\r\nif header :contains \"subject\" \"图书馆\" { fileinto \"Archive\"; }\r\n";

        var problem = await client.CheckScriptAsync("require [\"fileinto\"];\r\nif header :contains \"subject\" { fileinto \"Archive\"; }\r\n", _timeout);
        Assert.NotNull(problem);
        Assert.Contains("line 2", problem, StringComparison.OrdinalIgnoreCase);
        Assert.Null(await client.CheckScriptAsync(script, _timeout));

        await client.PutScriptAsync("webmail", script, _timeout);
        await client.PutScriptAsync("其他客户端的", "keep;\r\n", _timeout);
        await client.SetActiveAsync("webmail", _timeout);

        Assert.Equal([new SieveScriptName("webmail", true), new SieveScriptName("其他客户端的", false)], (await client.ListScriptsAsync(_timeout)).OrderByDescending(s => s.Active));
        Assert.Equal(script, await client.GetScriptAsync("webmail", _timeout));

        var missing = await Assert.ThrowsAsync<ManageSieveCommandException>(() => client.GetScriptAsync("nothing-here", _timeout));
        Assert.Equal("NONEXISTENT", missing.Code);

        await client.SetActiveAsync("", _timeout);
        await client.DeleteScriptAsync("webmail", _timeout);
        Assert.Equal([new SieveScriptName("其他客户端的", false)], await client.ListScriptsAsync(_timeout));
    }

    [Fact]
    public async Task AtDelivery_AwayMessageAnswersOncePerSender_AndAFilterFilesAMessage()
    {
        var (teacher, student) = (DemoMailServer.NewTestAccount("sieve-away"), DemoMailServer.NewTestAccount("sieve-student"));
        await using (var client = await SignedInAsync(teacher))
        {
            await client.PutScriptAsync("webmail", string.Join("\r\n",
                "require [\"vacation\", \"fileinto\"];",
                "if header :contains \"subject\" \"图书馆\" { fileinto \"Archive\"; stop; }",
                $"vacation :days 1 :addresses [\"{teacher}\"] :subject \"不在办公室\" \"我在开会，周一回来。\";",
                ""), _timeout);
            await client.SetActiveAsync("webmail", _timeout);
        }

        foreach (var subject in new[] { "作业问题", "作业问题（补充）", "图书馆通知" })
        {
            await SendAsync(student, teacher, subject);
        }

        await _clients.WaitForInboxAsync(teacher, 2, _timeout);
        await _clients.WaitForInboxAsync(student, 1, _timeout);
        await Task.Delay(1500, _timeout); // a second reply, if there were one, would be delivered by now

        using var imap = await _clients.ImapAsync(student, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
        var replies = await imap.Inbox.FetchAsync(0, -1, new FetchRequest(MessageSummaryItems.Envelope), _timeout);
        Assert.Equal(["不在办公室"], replies.Select(r => r.Envelope!.Subject));

        using var teachers = await _clients.ImapAsync(teacher, DemoMailServer.TestPassword, _timeout);
        var archive = await teachers.GetFolderAsync("Archive", _timeout);
        await archive.OpenAsync(FolderAccess.ReadOnly, _timeout);
        Assert.Single(await archive.SearchAsync(SearchQuery.SubjectContains("图书馆"), _timeout));
    }

    [Fact]
    public async Task AwayMessageScript_AcceptedByPigeonhole_AnswersAPerson_NotAList_AndNotOutsideItsDates()
    {
        var (teacher, student, list) = (DemoMailServer.NewTestAccount("away-script"), DemoMailServer.NewTestAccount("away-person"), DemoMailServer.NewTestAccount("away-list"));
        var today = DateOnly.FromDateTime(DateTime.Now);
        var away = new AwayMessage { Enabled = true, Start = today.AddDays(-1), End = today.AddDays(1), Subject = "自动回复：不在办公室", Text = "我在开会。\n周一回来。" };
        await using (var client = await SignedInAsync(teacher))
        {
            await client.PutScriptAsync("other-client", "keep;\r\n", _timeout);
            var script = FiltersScript.Write(new MailFilters { Away = away }, keepRunning: "other-client");
            Assert.Null(await client.CheckScriptAsync(script, _timeout));
            Assert.Null(await client.CheckScriptAsync(FiltersScript.Write(new MailFilters { Away = away with { Start = today.AddDays(1), End = today.AddDays(3) } }), _timeout));
            await client.PutScriptAsync(FiltersScript.Name, script, _timeout);
            await client.SetActiveAsync(FiltersScript.Name, _timeout);
            Assert.Equal(away, FiltersScript.Read(await client.GetScriptAsync(FiltersScript.Name, _timeout))!.Away with { Addresses = away.Addresses });
        }

        await SendAsync(student, teacher, "请教问题");
        await SendAsync(list, teacher, "学院简报", ("List-Id", "<news.school.test>"));

        await _clients.WaitForInboxAsync(teacher, 2, _timeout);
        await _clients.WaitForInboxAsync(student, 1, _timeout);
        await Task.Delay(1500, _timeout);
        using var imap = await _clients.ImapAsync(list, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
        Assert.Equal(0, imap.Inbox.Count); // the list got no reply
        using var students = await _clients.ImapAsync(student, DemoMailServer.TestPassword, _timeout);
        await students.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
        var reply = await students.Inbox.GetMessageAsync(0, _timeout);
        Assert.Equal("自动回复：不在办公室", reply.Subject);
        Assert.Contains("周一回来。", reply.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiltersScript_AtDelivery_BlockedDiscarded_RuleFilesAndMarksRead_AnotherForwardsKeepingACopy()
    {
        var (user, spammer, library, friend, home) = (DemoMailServer.NewTestAccount("filters"), DemoMailServer.NewTestAccount("filters-spam"),
            DemoMailServer.NewTestAccount("filters-library"), DemoMailServer.NewTestAccount("filters-friend"), DemoMailServer.NewTestAccount("filters-home"));
        var filters = new MailFilters
        {
            BlockedSenders = [spammer],
            Rules =
            [
                new FilterRule("图书馆", true, true, [new FilterCondition(FilterField.From, FilterMatch.Is, library)],
                    [new FilterStep(FilterAction.MoveTo, "Archive"), new FilterStep(FilterAction.MarkRead)]),
                new FilterRule("转发", true, true, [new FilterCondition(FilterField.Subject, FilterMatch.Contains, "转给家里")],
                    [new FilterStep(FilterAction.ForwardKeepCopy, home)]),
                new FilterRule("关掉的", false, true, [], [new FilterStep(FilterAction.Discard)]),
            ],
        };
        await using (var client = await SignedInAsync(user))
        {
            var script = FiltersScript.Write(filters);
            Assert.Null(await client.CheckScriptAsync(script, _timeout));
            await client.PutScriptAsync(FiltersScript.Name, script, _timeout);
            await client.SetActiveAsync(FiltersScript.Name, _timeout);
        }

        await SendAsync(spammer, user, "中奖了");
        await SendAsync(library, user, "借阅到期提醒");
        await SendAsync(friend, user, "照片，转给家里");

        await _clients.WaitForInboxAsync(home, 1, _timeout);
        await _clients.WaitForInboxAsync(user, 1, _timeout);
        await Task.Delay(1500, _timeout);
        using var imap = await _clients.ImapAsync(user, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
        var inbox = await imap.Inbox.FetchAsync(0, -1, new FetchRequest(MessageSummaryItems.Envelope), _timeout);
        Assert.Equal(["照片，转给家里"], inbox.Select(m => m.Envelope!.Subject)); // the copy kept; the blocked one gone; the off rule did nothing
        var archive = await imap.GetFolderAsync("Archive", _timeout);
        await archive.OpenAsync(FolderAccess.ReadOnly, _timeout);
        var filed = Assert.Single(await archive.FetchAsync(0, -1, new FetchRequest(MessageSummaryItems.Envelope | MessageSummaryItems.Flags), _timeout));
        Assert.Equal("借阅到期提醒", filed.Envelope!.Subject);
        Assert.True(filed.Flags!.Value.HasFlag(MessageFlags.Seen));
    }

    private Task SendAsync(string from, string to, string subject, params (string Name, string Value)[] headers) =>
        DemoPigeonhole.SendAsync(_clients, from, to, subject, _timeout, headers);
}
