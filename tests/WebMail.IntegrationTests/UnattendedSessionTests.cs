using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebMail.Client.Services;
using WebMail.Server.Auth;
using WebMail.Server.Mail;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Sessions;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>
/// Only a person's actions keep a session alive: an inbox left open on a lab computer reloads itself when mail
/// arrives, and still signs out after the idle timeout (a manual clock stands in for the half hour).
/// </summary>
public sealed class UnattendedSessionTests(ITestOutputHelper output)
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task NewMailReloads_ForLongerThanTheIdleTimeout_SessionEnds()
    {
        await using var app = AppWithClock();
        var (service, session) = await SignedInAsync(app, "unattended");
        var idle = app.Services.GetRequiredService<IOptionsMonitor<UserSessionOptions>>().CurrentValue.IdleTimeout;

        for (var minute = 0; minute < idle.TotalMinutes + 5; minute += 5)
        {
            _clock.Advance(TimeSpan.FromMinutes(5));
            await new MailTestClients(output).AppendAsync(session.Address, [TestMessages.Plain($"minute {minute}")], _timeout);
            try
            {
                await service.ReloadAfterNewMailAsync(new MessageQuery(), withFolders: true, _timeout);
            }
            catch (MailOperationException exception) when (exception.Problem == MailProblem.SessionEnded)
            {
                Assert.True(minute + 5 > idle.TotalMinutes, $"ended after {minute + 5} minutes, before the idle timeout");
                return;
            }
        }

        Assert.Fail("new mail kept an unattended session alive past the idle timeout");
    }

    [Fact]
    public async Task UsersOwnListing_EveryFewMinutes_KeepsTheSession()
    {
        await using var app = AppWithClock();
        var (service, _) = await SignedInAsync(app, "attended");

        for (var minute = 0; minute < 60; minute += 10)
        {
            _clock.Advance(TimeSpan.FromMinutes(10));
            await service.ListAsync(new MessageQuery(), refresh: true, _timeout);
        }
    }

    private WebApplicationFactory<Program> AppWithClock() =>
        new WebMailAppFactory().WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)));

    private static async Task<(IMailboxService Service, UserSession Session)> SignedInAsync(WebApplicationFactory<Program> app, string purpose)
    {
        var user = DemoMailServer.NewTestAccount(purpose);
        var session = await app.Services.GetRequiredService<UserSessionStore>()
            .CreateAsync(user, DemoMailServer.Domain, ReadingProtocol.Imap, DemoMailServer.TestPassword);
        var service = new MailboxService(app.Services.GetRequiredService<CurrentMailbox>(), new SignedInState(session),
            app.Services.GetRequiredService<IOptionsMonitor<UserSessionOptions>>(), app.Services.GetRequiredService<IOptionsMonitor<MailOptions>>());
        return (service, session);
    }
}
