using MailKit;
using WebMail.Client.Services;
using WebMail.Server.Mail.Sieve;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests.Sieve;

/// <summary>
/// What WebMail does with a user's scripts, against the real Pigeonhole: another program's script is never changed
/// and keeps running beside WebMail's; a script the server refuses leaves what was there, with the server's words.
/// </summary>
public sealed class SieveScriptsTests(ITestOutputHelper output)
{
    // Written the way Roundcube's managesieve plugin writes its rules (a "# rule:[name]" comment over each).
    private const string RoundcubeScript = "require [\"fileinto\"];\r\n# rule:[图书馆]\r\nif header :contains \"subject\" \"图书馆\"\r\n{\r\n\tfileinto \"Archive\";\r\n}\r\n";

    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;
    private readonly MailTestClients _clients = new(output);

    [Fact]
    public async Task AnotherProgramsScript_SurvivesWebMailsEdits_BothRunAtDelivery_AndIsActiveAgainWhenWebMailsIsEmptied()
    {
        var (user, spammer, teacher) = (DemoMailServer.NewTestAccount("sieve-other"), DemoMailServer.NewTestAccount("sieve-other-spam"), DemoMailServer.NewTestAccount("sieve-other-teacher"));
        var filters = new MailFilters
        {
            BlockedSenders = [spammer],
            Rules = [new FilterRule("作业", true, true, [new FilterCondition(FilterField.Subject, FilterMatch.Contains, "作业")], [new FilterStep(FilterAction.Star)])],
        };
        await using (var client = await DemoPigeonhole.SignedInAsync(user, _timeout))
        {
            await client.PutScriptAsync("roundcube", RoundcubeScript, _timeout);
            await client.SetActiveAsync("roundcube", _timeout);

            var first = await SieveScripts.WriteAsync(client, filters with { AllowedSenders = [teacher] }, _timeout);
            Assert.Equal("roundcube", first.KeptRunning);
            var second = await SieveScripts.WriteAsync(client, filters, _timeout); // WebMail's is active now: the include is kept from it

            Assert.Equal("roundcube", second.KeptRunning);
            Assert.True(second.Running);
            Assert.Equal(["roundcube"], second.OtherScripts);
            Assert.Equal(filters.BlockedSenders, second.Filters.BlockedSenders);
            Assert.Equivalent(filters.Rules, second.Filters.Rules, strict: true);
            Assert.Empty(second.Filters.AllowedSenders);
            Assert.Equal(RoundcubeScript, await client.GetScriptAsync("roundcube", _timeout));
            Assert.Contains(new SieveScriptName(FiltersScript.Name, true), await client.ListScriptsAsync(_timeout));
        }

        await DemoPigeonhole.SendAsync(_clients, spammer, user, "中奖了", _timeout);
        await DemoPigeonhole.SendAsync(_clients, teacher, user, "图书馆通知", _timeout);
        await DemoPigeonhole.SendAsync(_clients, teacher, user, "作业要求", _timeout);

        await _clients.WaitForInboxAsync(user, 1, _timeout);
        await Task.Delay(1500, _timeout);
        using (var imap = await _clients.ImapAsync(user, DemoMailServer.TestPassword, _timeout))
        {
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
            var inbox = Assert.Single(await imap.Inbox.FetchAsync(0, -1, new FetchRequest(MessageSummaryItems.Envelope | MessageSummaryItems.Flags), _timeout));
            Assert.Equal("作业要求", inbox.Envelope!.Subject); // WebMail's rule starred it; the blocked sender's is gone
            Assert.True(inbox.Flags!.Value.HasFlag(MessageFlags.Flagged));
            var archive = await imap.GetFolderAsync("Archive", _timeout);
            await archive.OpenAsync(FolderAccess.ReadOnly, _timeout);
            Assert.Equal(1, archive.Count); // Roundcube's rule still ran
        }

        await using (var client = await DemoPigeonhole.SignedInAsync(user, _timeout))
        {
            var emptied = await SieveScripts.WriteAsync(client, new MailFilters(), _timeout);

            Assert.True(emptied.Running);
            Assert.Contains(new SieveScriptName("roundcube", true), await client.ListScriptsAsync(_timeout));
            Assert.Equal(RoundcubeScript, await client.GetScriptAsync("roundcube", _timeout));

            // Later filters include it again, as it is the active one once more.
            Assert.Equal("roundcube", (await SieveScripts.WriteAsync(client, filters, _timeout)).KeptRunning);
        }
    }

    [Fact]
    public async Task AnotherProgramMadeItsOwnActive_WebMailsIsReportedNotRunning()
    {
        await using var client = await DemoPigeonhole.SignedInAsync(DemoMailServer.NewTestAccount("sieve-taken"), _timeout);
        await SieveScripts.WriteAsync(client, new MailFilters { BlockedSenders = ["@spam.example"] }, _timeout);
        await client.PutScriptAsync("thunderbird", "keep;\r\n", _timeout);
        await client.SetActiveAsync("thunderbird", _timeout);

        var read = await SieveScripts.ReadAsync(client, _timeout);

        Assert.False(read.Running);
        Assert.Equal(["@spam.example"], read.Filters.BlockedSenders);
        Assert.Equal(["thunderbird"], read.OtherScripts);
    }

    [Fact]
    public async Task FiltersTheServerRefuses_FiltersRefusedWithItsWords_WhatWasThereStays()
    {
        await using var client = await DemoPigeonhole.SignedInAsync(DemoMailServer.NewTestAccount("sieve-refused"), _timeout);
        var kept = new MailFilters { BlockedSenders = ["spam@example.com"] };
        await SieveScripts.WriteAsync(client, kept, _timeout);
        // Within WebMail's bounds, but more than the server's sieve_max_script_size (1M in scripts/mailserver/dovecot.conf.in).
        var huge = Enumerable.Range(0, 60).Select(i => new FilterRule($"规则{i}", true, false,
            [.. Enumerable.Range(0, MailFilters.MaxConditions).Select(j => new FilterCondition(FilterField.Subject, FilterMatch.Contains, new string('x', MailFilters.MaxValueLength)))],
            [new FilterStep(FilterAction.MarkRead)])).ToList();

        var refused = await Assert.ThrowsAsync<MailOperationException>(() => SieveScripts.WriteAsync(client, new MailFilters { Rules = huge }, _timeout));

        Assert.Equal(MailProblem.FiltersRefused, refused.Problem);
        output.WriteLine(refused.Detail);
        Assert.False(string.IsNullOrWhiteSpace(refused.Detail));
        Assert.Equal(kept.BlockedSenders, (await SieveScripts.ReadAsync(client, _timeout)).Filters.BlockedSenders);
    }
}
