using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using WebMail.Client.Services;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Contacts;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Mail.Ldap;

/// <summary>
/// Finding people in the school directory of the user's mail domain (<see cref="MailDomainOptions.Directory"/>).
/// With a reader account the whole directory is kept in memory, read again after <see cref="DirectoryOptions.CacheMinutes"/>
/// in the background, so a name is found by pinyin and initials as in the address book; until the first read is done,
/// and with each user's own credentials, the directory is searched as the user types. Every call to the server goes
/// through <see cref="MailServerCalls"/> (protocol "ldap"); a directory that fails leaves suggestions to the address book.
/// </summary>
public sealed class SchoolDirectory(IOptionsMonitor<MailOptions> options, MailServerCalls calls, TimeProvider clock, ILogger<SchoolDirectory> logger)
{
    private const int SearchResults = 20;
    private readonly ConcurrentDictionary<string, DirectoryCopy> _copies = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>People matching <paramref name="typed"/>, scored as <see cref="ContactIndex.Find"/> scores contacts; empty when the domain has no directory or it failed.</summary>
    public async Task<IReadOnlyList<(RecipientSuggestion Suggestion, int Score, string Address)>> FindAsync(SessionMailbox context, string typed, CancellationToken cancellationToken)
    {
        if (options.CurrentValue.FindDomain(context.Session.Domain)?.Directory is not { } directory || NameMatch.Normalize(typed).Length == 0)
        {
            return [];
        }

        try
        {
            if (directory.Bind == DirectoryBind.Service && await CopyOfAsync(context.Session.Domain, directory, cancellationToken) is { } copy)
            {
                return copy.Find(NameMatch.Normalize(typed));
            }

            var found = await RunAsync(context, directory, "search",
                token => LdapDirectory.SearchAsync(directory, CredentialFor(context, directory), typed, SearchResults, token), cancellationToken);
            return new DirectoryCopy(found, clock.GetUtcNow()).Find(NameMatch.Normalize(typed));
        }
        catch (MailOperationException exception)
        {
            logger.LogWarning("Directory of {Domain} not searched: {Problem}", context.Session.Domain, exception.Problem);
            return [];
        }
    }

    /// <summary>
    /// Starts reading the directory of the user's domain if it is not in memory (the compose form calls this when it
    /// opens, so the first keystroke finds it read); completes when no first read is going on any more, so that the
    /// form can look again for what was typed while it was (a query that came first searched the server, which
    /// knows no pinyin initials).
    /// </summary>
    public async Task PrepareAsync(SessionMailbox context, CancellationToken cancellationToken)
    {
        if (options.CurrentValue.FindDomain(context.Session.Domain)?.Directory is not { Bind: DirectoryBind.Service } directory)
        {
            return;
        }

        await FirstRead(context.Session.Domain, directory).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The copy in memory (read again in the background when old); when there is none yet, the first read is waited for
    /// a moment (<see cref="FirstReadWait"/>), then left to go on while this query is searched on the server.
    /// </summary>
    private async Task<DirectoryCopy?> CopyOfAsync(string domain, DirectoryOptions directory, CancellationToken cancellationToken)
    {
        if (FirstRead(domain, directory) is { IsCompleted: false } reading)
        {
            await Task.WhenAny(reading, Task.Delay(FirstReadWait, cancellationToken));
        }

        return _copies.GetValueOrDefault(domain);
    }

    /// <summary>How long a first query waits for the directory being read (10,000 people take well under a second on a campus network).</summary>
    public static readonly TimeSpan FirstReadWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The domain's first read while it is going on (started here if need be); completed when a copy is in memory,
    /// even one being read again in the background (the old one serves meanwhile), or when no read is going on.
    /// </summary>
    private Task FirstRead(string domain, DirectoryOptions directory) =>
        Current(domain, directory) is null && _reading.TryGetValue(domain, out var reading) ? reading : Task.CompletedTask;

    private DirectoryCopy? Current(string domain, DirectoryOptions directory)
    {
        var copy = _copies.GetValueOrDefault(domain);
        if (copy is null || clock.GetUtcNow() - copy.ReadAt > TimeSpan.FromMinutes(directory.CacheMinutes))
        {
            StartReading(domain, directory);
        }

        return copy;
    }

    private readonly ConcurrentDictionary<string, Task> _reading = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>One read at a time per domain, off the caller's request.</summary>
    private void StartReading(string domain, DirectoryOptions directory)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_reading.TryAdd(domain, started.Task))
        {
            _ = Task.Run(async () =>
            {
                await ReadAsync(domain, directory);
                started.SetResult();
            });
        }
    }

    private async Task ReadAsync(string domain, DirectoryOptions directory)
    {
        try
        {
            var server = directory.Server;
            var bound = new MailEndpointOptions { Host = server.Host, Port = server.Port, Security = server.Security, TimeoutSeconds = directory.ReadTimeoutSeconds };
            var target = new MailCallTarget("ldap", "read all", bound, directory.BindDn);
            var people = await calls.RunAsync(target, token => LdapDirectory.ReadAllAsync(directory,
                new NetworkCredential(directory.BindDn, directory.BindPassword), directory.MaxEntries, token), CancellationToken.None);
            _copies[domain] = new DirectoryCopy(people, clock.GetUtcNow());
            logger.LogInformation("Directory of {Domain} read: {Count} people", domain, people.Count);
        }
        catch (MailOperationException exception)
        {
            logger.LogWarning("Directory of {Domain} not read: {Problem}", domain, exception.Problem);
        }
        finally
        {
            _reading.TryRemove(domain, out _);
        }
    }

    private Task<IReadOnlyList<DirectoryPerson>> RunAsync(
        SessionMailbox context, DirectoryOptions directory, string purpose, Func<CancellationToken, Task<IReadOnlyList<DirectoryPerson>>> work, CancellationToken cancellationToken) =>
        calls.RunAsync(new MailCallTarget("ldap", purpose, directory.Server, context.Session.Address, context.Session.Ended), work, cancellationToken);

    private static NetworkCredential CredentialFor(SessionMailbox context, DirectoryOptions directory)
    {
        if (directory.Bind == DirectoryBind.Service)
        {
            return new NetworkCredential(directory.BindDn, directory.BindPassword);
        }

        var address = context.Session.Address;
        var local = address[..Math.Max(0, address.IndexOf('@'))];
        var dn = directory.UserBindDn.Replace("{0}", EscapeDnValue(local)).Replace("{1}", EscapeDnValue(address));
        return new NetworkCredential(dn, context.Session.RevealPassword());
    }

    // RFC 4514 2.4: the characters that would end or change a DN's value.
    private static string EscapeDnValue(string value) =>
        string.Concat(value.Select(c => c is ',' or '+' or '"' or '\\' or '<' or '>' or ';' or '=' ? "\\" + c : c.ToString()));
}
