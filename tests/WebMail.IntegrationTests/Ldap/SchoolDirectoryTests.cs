using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Server.Mail;
using WebMail.Server.Mail.Contacts;
using WebMail.Server.Mail.Diagnostics;
using WebMail.Server.Mail.Ldap;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Sessions;
using WebMail.Server.UserData;
using WebMail.Testing;

namespace WebMail.IntegrationTests.Ldap;

/// <summary>
/// The school directory on a real OpenLDAP (scripts/directory.sh: 10,000 people behind a 1,000-entry size limit, no
/// anonymous reads), as the compose form's suggestions use it (issue 20).
/// </summary>
public sealed class SchoolDirectoryTests
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task ReadAll_PagesPastTheServersSizeLimit_EveryPersonOnce()
    {
        var people = await LdapDirectory.ReadAllAsync(DemoDirectory.Options(), Reader, 100_000, _timeout);

        Assert.Equal(DemoDirectory.People, people.Count);
        Assert.Equal(DemoDirectory.People, people.Select(p => p.Address).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var bob = people.Single(p => p.Address == $"bob@{DemoMailServer.Domain}");
        Assert.Equal(("李博", "计算机学院", "T09999"), (bob.Name, bob.Detail, bob.Number));
    }

    [Fact]
    public async Task ReadAll_Bounded_StopsAtTheBound()
    {
        var people = await LdapDirectory.ReadAllAsync(DemoDirectory.Options(), Reader, 1_234, _timeout);

        Assert.Equal(1_234, people.Count);
    }

    [Fact]
    public async Task Search_ByNameNumberOrAddress_Bounded_FilterCharactersEscaped()
    {
        var options = DemoDirectory.Options();

        var byName = await LdapDirectory.SearchAsync(options, Reader, "李", 20, _timeout);
        var byNumber = await LdapDirectory.SearchAsync(options, Reader, "T0999", 20, _timeout);
        var hostile = await LdapDirectory.SearchAsync(options, Reader, "*)(mail=*", 20, _timeout);

        Assert.Equal(20, byName.Count);
        Assert.All(byName, p => Assert.StartsWith("李", p.Name));
        Assert.Contains(byNumber, p => p.Address == $"bob@{DemoMailServer.Domain}");
        Assert.Empty(hostile);
    }

    [Fact]
    public async Task WrongReaderPassword_RefusedAsAuthentication()
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() =>
            LdapDirectory.SearchAsync(DemoDirectory.Options(), new NetworkCredential(DemoDirectory.ReaderDn, "wrong"), "李", 5, _timeout));

        Assert.Equal(MailProblem.AuthenticationFailed, MailProblemClassifier.Classify(refused));
    }

    [Fact]
    public async Task Suggest_PinyinInitialsOfADirectoryPerson_FoundOnceTheDirectoryIsRead()
    {
        await using var app = WebMailAppFactory.With(DemoDirectory.AppConfiguration());
        var book = app.AddressBookFor(DemoMailServer.NewTestAccount("directory"), DemoMailServer.TestPassword);

        // The first keystroke starts reading the directory; meanwhile it is searched as typed (a Chinese name works at once).
        var bob = Assert.Single(await book.SuggestAsync("李博", _timeout), s => s.Mailboxes[0] == $"李博 <bob@{DemoMailServer.Domain}>");
        Assert.Equal((SuggestionSource.Directory, $"计算机学院 · bob@{DemoMailServer.Domain}"), (bob.Source, bob.Detail));

        // Pinyin is matched here, not by the directory: only the copy in memory finds "libo" (李博, 黎波, 林博…).
        var found = await EventuallyAsync(() => book.SuggestAsync("libo", _timeout), s => s.Source == SuggestionSource.Directory);
        Assert.Equal(NameMatch.FromStart, NameMatch.Name(new MatchableText(found.Name), "libo"));
        Assert.Empty(await LdapDirectory.SearchAsync(DemoDirectory.Options(), Reader, "libo", 5, _timeout));
    }

    [Fact]
    public async Task Prepare_CompletesOnceTheDirectoryIsRead_ThenPinyinInitialsFindAtOnce()
    {
        using var relay = new TcpRelay(DemoDirectory.Port);
        await using var app = WebMailAppFactory.With(DemoDirectory.AppConfiguration(port: relay.Port));
        var book = app.AddressBookFor(DemoMailServer.NewTestAccount("directoryprepare"), DemoMailServer.TestPassword);

        // The compose form waits for this to look again for what was typed while the directory was being read.
        await book.PrepareAsync(_timeout);
        relay.Cut(); // the directory server gone: only what was read before can answer

        // Only the copy in memory knows the initials of 王爱丽 (wang ai li): the directory server does not.
        Assert.Contains(await book.SuggestAsync("wal", _timeout), s => s.Mailboxes[0] == $"王爱丽 <alice@{DemoMailServer.Domain}>");
        Assert.Empty(await LdapDirectory.SearchAsync(DemoDirectory.Options(), Reader, "wal", 5, _timeout));
    }

    [Fact]
    public async Task Suggest_AsTheUserThemselves_FoundByName_AWrongPasswordFindsNoOne()
    {
        await using var app = WebMailAppFactory.With(DemoDirectory.AppConfiguration(DirectoryBind.User));

        var alice = await app.AddressBookFor($"alice@{DemoMailServer.Domain}", "alice-demo").SuggestAsync("李博", _timeout);
        var impostor = await app.AddressBookFor($"alice@{DemoMailServer.Domain}", "wrong").SuggestAsync("李博", _timeout);

        Assert.Contains(alice, s => s.Source == SuggestionSource.Directory && s.Mailboxes[0].Contains("bob@", StringComparison.Ordinal));
        Assert.DoesNotContain(impostor, s => s.Source == SuggestionSource.Directory);
    }

    [Fact]
    public async Task Suggest_DirectoryDown_ContactsStillSuggestedWithinItsTimeout()
    {
        using var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there now
        await using var app = WebMailAppFactory.With(DemoDirectory.AppConfiguration(port: port));
        var user = DemoMailServer.NewTestAccount("nodirectory");
        await app.Services.GetRequiredService<IContactStore>().SaveAsync(user, new Contact("", "李娜", ["li.na@school.test"]), _timeout);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var suggestions = await app.AddressBookFor(user, DemoMailServer.TestPassword).SuggestAsync("li", _timeout);

        Assert.Equal(["李娜 <li.na@school.test>"], suggestions.Select(s => s.Mailboxes[0]));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"took {started.Elapsed}");
    }

    private static NetworkCredential Reader => new(DemoDirectory.ReaderDn, DemoDirectory.ReaderPassword);

    private async Task<RecipientSuggestion> EventuallyAsync(Func<Task<IReadOnlyList<RecipientSuggestion>>> ask, Func<RecipientSuggestion, bool> wanted)
    {
        for (var attempt = 0; ; attempt++)
        {
            if ((await ask()).FirstOrDefault(wanted) is { } found)
            {
                return found;
            }

            Assert.True(attempt < 100, "the directory was not read within 10 s");
            await Task.Delay(100, _timeout);
        }
    }
}
