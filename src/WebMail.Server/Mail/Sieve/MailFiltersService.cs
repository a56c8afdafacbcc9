using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using WebMail.Client.Services;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Mail.Sieve;

/// <summary>
/// The circuit user's away message and filters on their domain's ManageSieve server: one connection per call
/// (these are rare), signed in with the session's credentials, through <see cref="MailServerCalls"/> like every
/// other mail-server call. What was last read or saved is kept with the session for the "away message is on" notice.
/// </summary>
public sealed class MailFiltersService(
    CurrentMailbox current, AuthenticationStateProvider authentication, IOptionsMonitor<MailOptions> options,
    MailServerCalls calls, MailClientFactory clients, TimeProvider time, ILogger<MailFiltersService> logger)
    : IMailFiltersService
{
    public async Task<FiltersPlace> PlaceAsync(CancellationToken cancellationToken = default)
    {
        var domain = DomainOf(await current.ForAsync(authentication));
        return new FiltersPlace(domain?.ManageSieve is not null, domain?.ManageSieve is null ? domain?.FiltersPageUrl : null);
    }

    public async Task<FiltersOnServer> GetAsync(CancellationToken cancellationToken = default)
    {
        var mailbox = await current.ForAsync(authentication);
        return mailbox.Filters = await RunAsync(mailbox, "read", SieveScripts.ReadAsync, cancellationToken);
    }

    public Task<FiltersOnServer> SaveAwayAsync(AwayMessage away, CancellationToken cancellationToken = default) =>
        ChangeAsync(now => now with { Away = away }, cancellationToken);

    public Task<FiltersOnServer> SaveFiltersAsync(MailFilters filters, CancellationToken cancellationToken = default) =>
        ChangeAsync(now => filters with { Away = now.Away }, cancellationToken);

    public Task<FiltersOnServer> BlockSenderAsync(string address, CancellationToken cancellationToken = default)
    {
        var sender = address.Trim().ToLowerInvariant();
        return ChangeAsync(now => now with
        {
            BlockedSenders = [.. now.BlockedSenders.Where(s => !s.Equals(sender, StringComparison.OrdinalIgnoreCase)), sender],
            AllowedSenders = [.. now.AllowedSenders.Where(s => !s.Equals(sender, StringComparison.OrdinalIgnoreCase))],
        }, cancellationToken);
    }

    public async Task<AwayMessage?> AwayMessageOnAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var mailbox = await current.ForAsync(authentication, activity: false);
            if (DomainOf(mailbox)?.ManageSieve is null)
            {
                return null;
            }

            var filters = mailbox.Filters ??= await RunAsync(mailbox, "read", SieveScripts.ReadAsync, cancellationToken);
            var away = filters.Filters.Away;
            var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
            return filters.Running && away.Enabled && !(away.End < today) ? away : null;
        }
        catch (MailOperationException exception)
        {
            logger.LogDebug("Away message of this session not read: {Problem}", exception.Problem);
            return null;
        }
    }

    /// <summary>
    /// Read and written on one connection: a page changes only its part, and what another tab or program changed
    /// just before in the other parts is kept.
    /// </summary>
    private async Task<FiltersOnServer> ChangeAsync(Func<MailFilters, MailFilters> change, CancellationToken cancellationToken)
    {
        var mailbox = await current.ForAsync(authentication);
        return mailbox.Filters = await RunAsync(mailbox, "write", async (client, token) =>
        {
            var now = (await SieveScripts.ReadAsync(client, token)).Filters;
            return await SieveScripts.WriteAsync(client, Bounded(change(now)), token);
        }, cancellationToken);
    }

    private MailDomainOptions? DomainOf(SessionMailbox mailbox) => options.CurrentValue.FindDomain(mailbox.Session.Domain);

    private Task<T> RunAsync<T>(
        SessionMailbox mailbox, string purpose, Func<ManageSieveClient, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var domain = DomainOf(mailbox);
        if (domain?.ManageSieve is not { } endpoint)
        {
            throw new MailOperationException(MailProblem.FiltersNotOffered);
        }

        var session = mailbox.Session;
        var target = new MailCallTarget("sieve", purpose, endpoint, session.Address, session.Ended);
        return calls.RunAsync(target, async token =>
        {
            await using var client = new ManageSieveClient(endpoint, clients.CertificatesFor(domain));
            await client.ConnectAsync(token);
            await client.AuthenticateAsync(session.Address, session.RevealPassword(), token);
            var result = await work(client, token);
            await client.LogoutAsync(token);
            return result;
        }, cancellationToken);
    }

    /// <summary>The filters within the bounds the pages keep to, so the settings comment in the script stays small too.</summary>
    private static MailFilters Bounded(MailFilters filters) => filters with
    {
        Away = filters.Away with
        {
            Text = Cut(filters.Away.Text, AwayMessage.MaxTextLength),
            Subject = Cut(filters.Away.Subject, 200),
            Days = Math.Clamp(filters.Away.Days, 1, 30),
        },
        BlockedSenders = [.. filters.BlockedSenders.Take(MailFilters.MaxListedSenders)],
        AllowedSenders = [.. filters.AllowedSenders.Take(MailFilters.MaxListedSenders)],
        Rules = [.. filters.Rules.Take(MailFilters.MaxRules).Select(rule => rule with
        {
            Name = Cut(rule.Name, 200),
            Conditions = [.. rule.Conditions.Take(MailFilters.MaxConditions).Select(c => c with { Value = Cut(c.Value, MailFilters.MaxValueLength) })],
            Actions = [.. rule.Actions.Take(MailFilters.MaxActions).Select(a => a with { Argument = Cut(a.Argument, MailFilters.MaxValueLength) })],
        })],
    };

    private static string Cut(string value, int length) => value.Length > length ? value[..length] : value;
}
