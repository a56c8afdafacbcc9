using System.Security.Cryptography;
using WebMail.Client.Services;
using WebMail.Server.Mail.Sessions;
using WebMail.Testing;
using WebMail.Testing.Quirks;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>
/// Opening messages from the list the way a student reads them costs as few round trips to the mail server as it can
/// (issue 18): the size comes from the listed line, and the message under the one being read is fetched while the user
/// reads it. Commands are read through a relay that changes nothing in front of the real Dovecot.
/// </summary>
public sealed class ReadingAheadTests(ITestOutputHelper output)
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private readonly MailTestClients _clients = new(output);

    [Fact]
    public async Task OpenFromTheList_NoSeparateSizeCommand_AndTheNextIsFetchedAheadOnce()
    {
        await using var relay = new ImapQuirkRelay(ImapQuirks.None);
        await using var app = WebMailAppFactory.With(relay.AppConfiguration());
        var user = DemoMailServer.NewTestAccount("ahead");
        await _clients.AppendAsync(user, [TestMessages.Plain("third"), TestMessages.Plain("second"), TestMessages.Plain("first")], _timeout);
        var mailbox = app.MailFor(user, ReadingProtocol.Imap);
        var listed = (await mailbox.ListAsync(new MessageQuery(), refresh: false, _timeout)).Messages;
        var before = relay.Commands.Count;

        await mailbox.OpenAsync(listed[0].Id, _timeout);
        var (_, next) = mailbox.Neighbours(listed[0].Id, new MessageQuery());
        await mailbox.PrefetchAsync(next);
        var afterPrefetch = relay.Commands.Count;
        var opened = await mailbox.OpenAsync(listed[1].Id, _timeout);

        var sent = relay.Commands.Skip(before).ToList();
        sent.ForEach(c => output.WriteLine("C: " + c));
        Assert.DoesNotContain(sent, c => c.Contains("RFC822.SIZE", StringComparison.Ordinal) && !c.Contains("BODY", StringComparison.Ordinal));
        Assert.Equal(2, sent.Count(c => c.Contains("BODY.PEEK[]", StringComparison.Ordinal))); // the first, and the next ahead
        Assert.Equal(afterPrefetch, relay.Commands.Count); // opening the next asked the server nothing
        Assert.Equal("second", opened.View.Subject);
    }

    [Fact]
    public async Task AfterShown_MarksItReadOnTheServer_ThenFetchesTheNextAhead()
    {
        var user = DemoMailServer.NewTestAccount("after-shown");
        await using var app = WebMailAppFactory.With(DemoMailServer.AppConfiguration());
        await _clients.AppendAsync(user, [TestMessages.Plain("second"), TestMessages.Plain("first")], _timeout);
        var mailbox = app.MailFor(user, ReadingProtocol.Imap);
        var listed = (await mailbox.ListAsync(new MessageQuery(), refresh: false, _timeout)).Messages;

        await mailbox.OpenAsync(listed[0].Id, _timeout);
        await mailbox.AfterShownAsync(listed[0].Id);

        Assert.True(mailbox.Cache.TryGetMessage(listed[1].Id, out _));
        using var imap = await _clients.ImapAsync(user, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(MailKit.FolderAccess.ReadOnly, _timeout);
        var flags = await imap.Inbox.FetchAsync(0, -1, new MailKit.FetchRequest(MailKit.MessageSummaryItems.Flags | MailKit.MessageSummaryItems.Envelope), _timeout);
        Assert.True(flags.Single(f => f.Envelope!.Subject == "first").Flags!.Value.HasFlag(MailKit.MessageFlags.Seen));
        Assert.False(flags.Single(f => f.Envelope!.Subject == "second").Flags!.Value.HasFlag(MailKit.MessageFlags.Seen));
    }

    [Fact]
    public async Task SignIn_ListsTheInboxOnItsOwnConnectionWhileTheBrowserFollowsTheRedirect_AndThePageJoinsThatListing()
    {
        await using var relay = new ImapQuirkRelay(ImapQuirks.None);
        await using var app = WebMailAppFactory.With(relay.AppConfiguration());
        var mailbox = await SignedInThroughTheFormAsync(app, "first-listing", "second", "first");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!mailbox.Cache.TryGetPage(new MessageQuery(), out _) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, _timeout); // nobody has asked for a page yet: only the sign-in can have started it
        }

        Assert.True(mailbox.Cache.TryGetPage(new MessageQuery(), out _));
        var folders = mailbox.ListFoldersAsync(refresh: false, _timeout);
        var page = await mailbox.ListAsync(new MessageQuery(), refresh: false, _timeout);
        await folders;

        Assert.Equal(["first", "second"], page.Messages.Select(m => m.Subject));
        Assert.Single(relay.Commands, c => c.Contains("BODYSTRUCTURE", StringComparison.Ordinal)); // listed once, at sign-in
        Assert.Single(relay.Commands, c => c.StartsWith("LIST \"\" \"*\"", StringComparison.Ordinal));
        // ... on the connection sign-in proved the password on: one login, and that connection never logged out.
        relay.Commands.ToList().ForEach(c => output.WriteLine("C: " + c));
        Assert.Single(relay.Commands, c => c.StartsWith("AUTHENTICATE", StringComparison.Ordinal) || c.StartsWith("LOGIN", StringComparison.Ordinal));
        Assert.DoesNotContain(relay.Commands, c => c.StartsWith("LOGOUT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_FetchesTheNewestMessageAhead_SoOpeningItAsksTheServerNothing()
    {
        await using var relay = new ImapQuirkRelay(ImapQuirks.None);
        await using var app = WebMailAppFactory.With(relay.AppConfiguration());
        var mailbox = await SignedInThroughTheFormAsync(app, "newest-ahead", "older", "newest");
        var page = await mailbox.ListAsync(new MessageQuery(), refresh: false, _timeout);
        var newest = page.Messages[0];
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!mailbox.Cache.TryGetMessage(newest.Id, out _) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, _timeout); // nobody has opened it: only the sign-in can have fetched it
        }

        var before = relay.Commands.Count;
        var opened = await mailbox.OpenAsync(newest.Id, _timeout);

        Assert.Equal("newest", opened.View.Subject);
        Assert.Equal(before, relay.Commands.Count);
        Assert.Single(relay.Commands, c => c.Contains("BODY.PEEK[]", StringComparison.Ordinal)); // the newest only
    }

    [Fact]
    public async Task FirstListing_UnderWay_ThePageJoinsIt_AndOnceDoneALaterListingAfterAChangeAsksAgain()
    {
        await using var relay = new ImapQuirkRelay(ImapQuirks.None);
        await using var app = WebMailAppFactory.With(relay.AppConfiguration());
        var user = DemoMailServer.NewTestAccount("first-listing-later");
        await _clients.AppendAsync(user, [TestMessages.Plain("keep"), TestMessages.Plain("remove")], _timeout);
        var mailbox = app.MailFor(user, ReadingProtocol.Imap);
        mailbox.StartFirstListing();
        var first = await mailbox.ListAsync(new MessageQuery(), refresh: false, _timeout);
        Assert.Single(relay.Commands, c => c.Contains("BODYSTRUCTURE", StringComparison.Ordinal));

        await mailbox.DeleteAsync([first.Messages.Single(m => m.Subject == "remove").Id], _timeout);
        var after = await mailbox.ListAsync(new MessageQuery(), refresh: false, _timeout);

        Assert.Equal(["keep"], after.Messages.Select(m => m.Subject));
    }

    [Fact]
    public async Task Prefetch_LargeMessageOrAlreadyCached_FetchesNothing()
    {
        await using var relay = new ImapQuirkRelay(ImapQuirks.None);
        await using var app = WebMailAppFactory.With(relay.AppConfiguration());
        var user = DemoMailServer.NewTestAccount("ahead-large");
        await _clients.AppendAsync(user, [TestMessages.WithAttachment("big", RandomNumberGenerator.GetBytes(600_000)), TestMessages.Plain("small")], _timeout);
        var mailbox = app.MailFor(user, ReadingProtocol.Imap);
        var listed = (await mailbox.ListAsync(new MessageQuery(), refresh: false, _timeout)).Messages;
        await mailbox.OpenAsync(listed[0].Id, _timeout);
        var before = relay.Commands.Count;

        await mailbox.PrefetchAsync(listed[1]); // over the prefetch bound
        await mailbox.PrefetchAsync(listed[0]); // already in the cache

        Assert.Equal(before, relay.Commands.Count);
    }

    /// <summary>A new account holding <paramref name="subjects"/> (oldest first), signed in through the real form over IMAP.</summary>
    private async Task<SessionMailbox> SignedInThroughTheFormAsync(WebMailAppFactory app, string name, params string[] subjects)
    {
        var user = DemoMailServer.NewTestAccount(name);
        await _clients.AppendAsync(user, [.. subjects.Select(subject => TestMessages.Plain(subject))], _timeout);
        using var browser = new SignInClient(app);
        using var signedIn = await browser.SignInAsync(user, DemoMailServer.TestPassword, "Imap", _timeout);
        return app.MailOfSignedIn(user);
    }
}
