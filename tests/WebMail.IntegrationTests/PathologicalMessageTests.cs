using System.Diagnostics;
using System.Net;
using System.Text;
using MimeKit;
using WebMail.IntegrationTests.Fixtures;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>
/// Messages built to exhaust a webmail: tens of megabytes, thousands of recipients, a thousand levels of MIME
/// nesting, a megabyte-long header line. Each opens from the real server within a time bound, and other users are
/// served meanwhile.
/// </summary>
public sealed class PathologicalMessageTests(WebMailAppFactory app, ITestOutputHelper output) : IClassFixture<WebMailAppFactory>
{
    private static readonly TimeSpan OpenBound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan OtherUserBound = TimeSpan.FromSeconds(10);
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token;

    public static TheoryData<string> Kinds => new(["huge", "recipients", "nesting", "long-header"]);

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Pathological_Opened_WithinBoundsWhileOthersAreServed(string kind)
    {
        var user = DemoMailServer.NewTestAccount("patho");
        var neighbour = DemoMailServer.NewTestAccount("neighbour");
        var clients = new MailTestClients(output);
        var ids = await clients.AppendAsync(user, [PathologicalMessages.Build(kind)], _timeout);
        var neighbourIds = await clients.AppendAsync(neighbour, [TestMessages.Html("neighbour")], _timeout);
        using var client = new SignInClient(app);
        using var other = new SignInClient(app);
        await client.SignInAsync(user, DemoMailServer.TestPassword, cancellationToken: _timeout);
        await other.SignInAsync(neighbour, DemoMailServer.TestPassword, cancellationToken: _timeout);

        var clock = Stopwatch.StartNew();
        var opening = client.GetAsync($"/mail/messages/{ids[0]}/body", _timeout);
        var neighbourClock = Stopwatch.StartNew();
        using (var neighbourBody = await other.GetAsync($"/mail/messages/{neighbourIds[0]}/body", _timeout))
        {
            Assert.Equal(HttpStatusCode.OK, neighbourBody.StatusCode);
            Assert.True(neighbourClock.Elapsed < OtherUserBound, $"the neighbour waited {neighbourClock.Elapsed}");
        }

        using var response = await opening;
        output.WriteLine($"{kind}: opened in {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed < OpenBound, $"{kind} took {clock.Elapsed}");
        Assert.Contains("marker-" + kind, await response.Content.ReadAsStringAsync(_timeout));
    }
}
