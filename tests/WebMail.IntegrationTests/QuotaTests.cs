using WebMail.Client.Services;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>
/// The account's storage from IMAP QUOTA, against the demo Dovecot's quota plugin (scripts/mailserver/dovecot.conf.in:
/// 1 GB each, 100 KB for test-quota-* accounts); none over POP3, nor from Cyrus, which has QUOTA but no limits set.
/// </summary>
public sealed class QuotaTests(WebMailAppFactory app, ITestOutputHelper output) : IClassFixture<WebMailAppFactory>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task SmallQuotaFilledTo91Percent_ReadAsUsedAndLimit_AlmostFull()
    {
        var user = DemoMailServer.NewSmallQuotaAccount("full");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Plain("大附件", LongBody(91 * 1024))], _timeout);

        var quota = await app.MailFor(user, ReadingProtocol.Imap).GetQuotaAsync(_timeout);

        Assert.NotNull(quota);
        Assert.Equal(100 * 1024, quota.LimitBytes);
        Assert.InRange(quota.Percent, 90, 99);
        Assert.True(quota.AlmostFull);
    }

    [Fact]
    public async Task OrdinaryAccount_AGigabyte_AlmostEmpty_AndPop3SaysNothing()
    {
        var user = DemoMailServer.NewTestAccount("ordinary");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Plain("小邮件")], _timeout);

        var quota = await app.MailFor(user, ReadingProtocol.Imap).GetQuotaAsync(_timeout);

        Assert.Equal(1024L * 1024 * 1024, quota!.LimitBytes);
        Assert.InRange(quota.UsedBytes, 1, 10 * 1024);
        Assert.False(quota.AlmostFull);
        Assert.Null(await app.MailFor(user, ReadingProtocol.Pop3).GetQuotaAsync(_timeout));
    }

    [Fact]
    public async Task CyrusWithoutQuotasSet_AQuotaRootWithNoLimit_NothingToShow_TheSessionReadsOn()
    {
        await using var cyrus = new CyrusAppFactory();
        var user = DemoMailServer.NewTestAccount("cyrus-unlimited");
        await new MailTestClients(output, DemoMailServer.CyrusDomainOptions()).AppendAsync(user, [TestMessages.Plain("一封")], _timeout);

        var mail = cyrus.MailFor(user, ReadingProtocol.Imap);

        Assert.Null(await mail.GetQuotaAsync(_timeout));
        Assert.Null(await mail.GetQuotaAsync(_timeout));
        Assert.Equal(1, (await mail.ListAsync(new MessageQuery(), refresh: true, _timeout)).TotalCount); // the session reads on
    }

    /// <summary>Text of about <paramref name="bytes"/> bytes, in lines short enough for any server.</summary>
    internal static string LongBody(int bytes) =>
        string.Join("\n", Enumerable.Range(0, bytes / 64).Select(i => $"{i:D6} " + new string('x', 56)));
}
