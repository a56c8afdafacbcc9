using MailKit;
using MailKit.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using WebMail.Client.Services;
using WebMail.Server.Mail;
using WebMail.Server.Mail.Drafts;
using WebMail.Server.Mail.Sessions;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>Autosaved drafts against the real Dovecot: a copy in Drafts, replaced only when something changed.</summary>
public sealed class DraftTests(WebMailAppFactory app, ITestOutputHelper output) : IClassFixture<WebMailAppFactory>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private readonly MailTestClients _clients = new(output);

    [Fact]
    public async Task SaveAsync_NothingChangedSinceTheLastSave_NoNewCopy()
    {
        var user = DemoMailServer.NewTestAccount("draft-same");
        var drafts = DraftsFor(user);
        var attachment = new OutgoingAttachment("数据.bin", "application/octet-stream", new byte[200_000]);
        await drafts.SaveAsync(Draft("第一稿", attachment), _timeout);
        var first = await DraftCopiesAsync(user);

        await drafts.SaveAsync(Draft("第一稿", attachment with { Content = (byte[])attachment.Content.Clone() }), _timeout);

        Assert.Equal(first, await DraftCopiesAsync(user));
        Assert.Single(first);
    }

    [Fact]
    public async Task SaveAsync_TextChanged_TheCopyIsReplacedNotAdded()
    {
        var user = DemoMailServer.NewTestAccount("draft-changed");
        var drafts = DraftsFor(user);
        await drafts.SaveAsync(Draft("第一稿"), _timeout);
        var first = await DraftCopiesAsync(user);

        await drafts.SaveAsync(Draft("第二稿"), _timeout);

        var second = await DraftCopiesAsync(user);
        Assert.Single(second);
        Assert.NotEqual(first, second);
        Assert.Equal("第二稿", (await drafts.GetAsync(_timeout))?.Body);
    }

    [Fact]
    public async Task DiscardAsync_SavedDraft_CopyRemovedAndNothingKept()
    {
        var user = DemoMailServer.NewTestAccount("draft-discard");
        var drafts = DraftsFor(user);
        await drafts.SaveAsync(Draft("不要了"), _timeout);

        await drafts.DiscardAsync(_timeout);

        Assert.Empty(await DraftCopiesAsync(user));
        Assert.Null(await drafts.GetAsync(_timeout));
    }

    private static OutgoingMessage Draft(string body, params OutgoingAttachment[] attachments) =>
        new("bob@school.test", "", "", "草稿", body, attachments);

    private DraftService DraftsFor(string user)
    {
        var services = app.Services;
        var sessions = services.GetRequiredService<UserSessionStore>();
        var session = sessions.CreateAsync(user, DemoMailServer.Domain, ReadingProtocol.Imap, DemoMailServer.TestPassword).GetAwaiter().GetResult(); // in-process store: completes at once
        return For(app, session);
    }

    /// <summary>The draft service of a circuit of <paramref name="session"/>'s user on <paramref name="host"/>.</summary>
    internal static DraftService For(WebMailAppFactory host, UserSession session)
    {
        var services = host.Services;
        return new DraftService(
            services.GetRequiredService<CurrentMailbox>(), new SignedInState(session), services.GetRequiredService<SharedDrafts>(),
            NullLogger<DraftService>.Instance);
    }

    /// <summary>The UIDs in the user's Drafts folder, as another mail client sees them.</summary>
    private async Task<IReadOnlyList<uint>> DraftCopiesAsync(string user)
    {
        using var imap = await _clients.ImapAsync(user, DemoMailServer.TestPassword, _timeout);
        var folder = await imap.GetFolderAsync("Drafts", _timeout);
        await folder.OpenAsync(FolderAccess.ReadOnly, _timeout);
        return (await folder.SearchAsync(SearchQuery.All, _timeout)).Select(uid => uid.Id).ToList();
    }
}
