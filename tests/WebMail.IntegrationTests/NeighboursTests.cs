using WebMail.Client.Services;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>
/// Previous and next belong to the tab: two tabs of one session listing the same folder in different orders each
/// get the neighbours of their own list (they used to get those of whichever tab listed last).
/// </summary>
public sealed class NeighboursTests(WebMailAppFactory app, ITestOutputHelper output) : IClassFixture<WebMailAppFactory>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task TwoTabsInOppositeOrders_EachGetsItsOwnNeighbours()
    {
        var user = DemoMailServer.NewTestAccount("neighbours");
        await new MailTestClients(output).AppendAsync(user, [TestMessages.Plain("alpha"), TestMessages.Plain("beta"), TestMessages.Plain("gamma")], _timeout);
        var mail = app.MailFor(user, ReadingProtocol.Imap);
        var firstTab = new MessageQuery(Sort: MessageSort.Subject, Descending: true);
        var secondTab = new MessageQuery(Sort: MessageSort.Subject, Descending: false);

        var beta = (await mail.ListAsync(firstTab, refresh: false, _timeout)).Messages.Single(m => m.Subject == "beta").Id;
        await mail.ListAsync(secondTab, refresh: false, _timeout);

        var (newer, older) = mail.Neighbours(beta, firstTab);
        Assert.Equal(("gamma", "alpha"), (newer?.Subject, older?.Subject));
        (newer, older) = mail.Neighbours(beta, secondTab);
        Assert.Equal(("alpha", "gamma"), (newer?.Subject, older?.Subject));
    }
}
