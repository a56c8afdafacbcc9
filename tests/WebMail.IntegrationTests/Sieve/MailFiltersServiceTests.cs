using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Sessions;
using WebMail.Testing;

namespace WebMail.IntegrationTests.Sieve;

/// <summary>
/// The away message and filters as the pages reach them, through a signed-in session of the real app: against
/// Pigeonhole, and against a ManageSieve server that is down, hung, or not configured.
/// </summary>
public sealed class MailFiltersServiceTests
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task AwaySaved_ThenFiltersSaved_EachKeepsTheOther_BlockSenderToo_AndTheNoticeSeesTheAwayMessage()
    {
        await using var app = new WebMailAppFactory();
        var filters = await SignedInAsync(app, "filters-service");
        var today = DateOnly.FromDateTime(DateTime.Now);
        Assert.Null(await filters.AwayMessageOnAsync(_timeout));

        await filters.SaveAwayAsync(new AwayMessage { Enabled = true, End = today.AddDays(3), Subject = "不在", Text = "下周回来" }, _timeout);
        await filters.SaveFiltersAsync(new MailFilters
        {
            AllowedSenders = ["dean@school.test"],
            Rules = [new FilterRule("星标", true, true, [new FilterCondition(FilterField.Subject, FilterMatch.Contains, "重要")], [new FilterStep(FilterAction.Star)])],
            Away = new AwayMessage(), // a page's stale copy of the away message is not what is kept
        }, _timeout);
        var blocked = await filters.BlockSenderAsync("Dean@School.test", _timeout);

        Assert.Equal("下周回来", blocked.Filters.Away.Text);
        Assert.Equal(["dean@school.test"], blocked.Filters.BlockedSenders);
        Assert.Empty(blocked.Filters.AllowedSenders);
        Assert.Equal("星标", Assert.Single(blocked.Filters.Rules).Name);
        Assert.Equal("下周回来", (await filters.AwayMessageOnAsync(_timeout))?.Text);
        Assert.Equivalent(blocked.Filters, (await filters.GetAsync(_timeout)).Filters, strict: true);

        await filters.SaveAwayAsync(blocked.Filters.Away with { End = today.AddDays(-1) }, _timeout);
        Assert.Null(await filters.AwayMessageOnAsync(_timeout)); // past its end: no notice
    }

    [Fact]
    public async Task ManageSieveDown_Unreachable_Hung_Timeout_NotConfigured_NotOffered_TheNoticeStaysQuiet()
    {
        using var hung = new SilentServer();
        foreach (var (port, expected) in new[] { (FreePort.Find(), MailProblem.Unreachable), (hung.Port, MailProblem.Timeout) })
        {
            await using var app = WebMailAppFactory.With(new() { ["Mail:Domains:0:ManageSieve:Port"] = port.ToString(), ["Mail:Domains:0:ManageSieve:TimeoutSeconds"] = "2" });
            var filters = await SignedInAsync(app, "filters-down");

            var failed = await Assert.ThrowsAsync<MailOperationException>(() => filters.GetAsync(_timeout));

            Assert.Equal(expected, failed.Problem);
            Assert.Null(await filters.AwayMessageOnAsync(_timeout));
        }

        await using var without = new WebMailAppFactory().WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.PostConfigure<MailOptions>(options => (options.Domains[0].ManageSieve, options.Domains[0].FiltersPageUrl) = (null, "https://mail.school.test/filters"))));
        var none = await SignedInAsync(without, "filters-none");
        Assert.Equal(new FiltersPlace(false, "https://mail.school.test/filters"), await none.PlaceAsync(_timeout));
        Assert.Equal(MailProblem.FiltersNotOffered, (await Assert.ThrowsAsync<MailOperationException>(() => none.SaveAwayAsync(new AwayMessage(), _timeout))).Problem);
    }

    private static async Task<IMailFiltersService> SignedInAsync(WebApplicationFactory<Program> app, string purpose)
    {
        var session = await app.Services.GetRequiredService<UserSessionStore>()
            .CreateAsync(DemoMailServer.NewTestAccount(purpose), DemoMailServer.Domain, ReadingProtocol.Imap, DemoMailServer.TestPassword);
        var scope = app.Services.CreateScope();
        return ActivatorUtilities.CreateInstance<WebMail.Server.Mail.Sieve.MailFiltersService>(scope.ServiceProvider, new SignedInState(session));
    }
}
