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
        var saved = await drafts.SaveAsync(null, Draft("第一稿", attachment), _timeout);
        var first = await DraftCopiesAsync(user);

        await drafts.SaveAsync(saved, Draft("第一稿", attachment with { Content = (byte[])attachment.Content.Clone() }), _timeout);

        Assert.Equal(first, await DraftCopiesAsync(user));
        Assert.Single(first);
    }

    [Fact]
    public async Task SaveAsync_TextChanged_TheCopyIsReplacedNotAdded()
    {
        var user = DemoMailServer.NewTestAccount("draft-changed");
        var drafts = DraftsFor(user);
        var saved = await drafts.SaveAsync(null, Draft("第一稿"), _timeout);
        var first = await DraftCopiesAsync(user);

        await drafts.SaveAsync(saved, Draft("第二稿"), _timeout);

        var second = await DraftCopiesAsync(user);
        Assert.Single(second);
        Assert.NotEqual(first, second);
        Assert.Equal("第二稿", (await drafts.GetAsync(_timeout))?.Message.Body);
    }

    [Fact]
    public async Task DiscardAsync_SavedDraft_CopyRemovedAndNothingKept()
    {
        var user = DemoMailServer.NewTestAccount("draft-discard");
        var drafts = DraftsFor(user);
        var saved = await drafts.SaveAsync(null, Draft("不要了"), _timeout);

        await drafts.DiscardAsync(saved, _timeout);

        Assert.Empty(await DraftCopiesAsync(user));
        Assert.Null(await drafts.GetAsync(_timeout));
    }

    [Fact]
    public async Task OpenAsync_DraftOfAnotherMailProgram_FillsTheFormAndTheNextSaveReplacesThatCopy()
    {
        var user = DemoMailServer.NewTestAccount("draft-open");
        var written = new MimeKit.MimeMessage { Subject = "周报（草稿）", InReplyTo = "<week2@school.test>" };
        written.From.Add(MimeKit.MailboxAddress.Parse(user));
        written.To.Add(new MimeKit.MailboxAddress("王老师", "wang@school.test"));
        written.Cc.Add(MimeKit.MailboxAddress.Parse("lab@school.test"));
        written.Bcc.Add(MimeKit.MailboxAddress.Parse("me@school.test"));
        var body = new MimeKit.BodyBuilder { TextBody = "第三周完成了实验。" };
        var data = System.Security.Cryptography.RandomNumberGenerator.GetBytes(30_000);
        body.Attachments.Add("数据.bin", data, new MimeKit.ContentType("application", "octet-stream"));
        written.Body = body.ToMessageBody();
        var id = await _clients.AppendDraftAsync(user, written, _timeout);
        var before = await DraftCopiesAsync(user);
        var drafts = DraftsFor(user);

        var (openedAs, opened) = await drafts.OpenAsync(id, _timeout);

        Assert.Equal(("王老师 <wang@school.test>", "lab@school.test", "me@school.test"), (opened.To, opened.Cc, opened.Bcc));
        Assert.Equal(("周报（草稿）", "第三周完成了实验。"), (opened.Subject, opened.Body));
        Assert.Equal("week2@school.test", opened.InReplyTo);
        var attachment = Assert.Single(opened.Attachments);
        Assert.Equal("数据.bin", attachment.FileName);
        Assert.Equal(data, attachment.Content);

        await drafts.SaveAsync(openedAs, opened with { Body = "第三周完成了实验。补充：数据见附件。" }, _timeout);

        var after = await DraftCopiesAsync(user);
        Assert.Single(after);
        Assert.NotEqual(before, after); // that copy replaced, not a second one beside it
        Assert.Equal("第三周完成了实验。补充：数据见附件。", (await drafts.GetAsync(_timeout))?.Message.Body);
    }

    [Fact]
    public async Task Pop3_DraftSaved_FoundAtTheNextSignIn_SealedInTheDatabase_AndGoneOnceDiscarded()
    {
        var user = DemoMailServer.NewTestAccount("draft-pop3");
        var attachment = new OutgoingAttachment("数据.bin", "application/octet-stream", System.Security.Cryptography.RandomNumberGenerator.GetBytes(5000));
        var pop3 = DraftsFor(user, ReadingProtocol.Pop3);
        await pop3.SaveAsync(null, Draft("另一封", attachment), _timeout);
        await pop3.SaveAsync(null, Draft("POP3 上写了一半", attachment), _timeout);

        var nextSignIn = DraftsFor(user, ReadingProtocol.Pop3);
        var found = await nextSignIn.GetAsync(_timeout);

        Assert.Equal("POP3 上写了一半", found?.Message.Body);
        Assert.Equal(attachment.Content, Assert.Single(found!.Message.Attachments).Content);
        var sealedDraft = await app.Services.GetRequiredService<WebMail.Server.UserData.IKeptDraftStore>().FindAsync(user, _timeout);
        Assert.True(sealedDraft!.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes("写了一半")) < 0); // not readable in the database

        // Both drafts were kept: with the newest sent or discarded, the other is next.
        await nextSignIn.DiscardAsync(found.Ref, _timeout);
        var other = await nextSignIn.GetAsync(_timeout);
        Assert.Equal("另一封", other?.Message.Body);
        await nextSignIn.DiscardAsync(other!.Ref, _timeout);

        Assert.Null(await DraftsFor(user, ReadingProtocol.Pop3).GetAsync(_timeout));
    }

    [Fact]
    public async Task Imap_DraftSaved_NotKeptInTheDatabase_TheDraftsFolderHasIt()
    {
        var user = DemoMailServer.NewTestAccount("draft-imap-only");

        await DraftsFor(user).SaveAsync(null, Draft("在 Drafts 文件夹里"), _timeout);

        Assert.Null(await app.Services.GetRequiredService<WebMail.Server.UserData.IKeptDraftStore>().FindAsync(user, _timeout));
        Assert.Single(await DraftCopiesAsync(user));
    }

    [Fact]
    public async Task TwoPagesOnOneDraft_BothSave_NeitherOverwritesTheOther()
    {
        var user = DemoMailServer.NewTestAccount("draft-two-tabs");
        var drafts = DraftsFor(user);
        var saved = await drafts.SaveAsync(null, Draft("两个标签页都打开了它"), _timeout);
        var firstTab = saved;
        var secondTab = (await drafts.GetAsync(_timeout))!.Ref; // the second tab restores the same draft

        firstTab = await drafts.SaveAsync(firstTab, Draft("第一个标签页写的"), _timeout);
        secondTab = await drafts.SaveAsync(secondTab, Draft("第二个标签页写的"), _timeout);

        Assert.NotEqual(firstTab.Key, secondTab.Key);
        Assert.Equal(2, (await DraftCopiesAsync(user)).Count);
        Assert.Equal("第二个标签页写的", (await drafts.GetAsync(_timeout))?.Message.Body);

        // Each goes on in its own copy.
        await drafts.SaveAsync(firstTab, Draft("第一个标签页又写了"), _timeout);
        Assert.Equal(2, (await DraftCopiesAsync(user)).Count);
    }

    [Fact]
    public async Task OpenAsync_ADraftFromTheFolderBesideANewMessage_BothKeptInTheirOwnCopies()
    {
        var user = DemoMailServer.NewTestAccount("draft-beside");
        var written = new MimeKit.MimeMessage { Subject = "手机上写的" };
        written.From.Add(MimeKit.MailboxAddress.Parse(user));
        written.Body = new MimeKit.TextPart("plain") { Text = "手机上写了一半" };
        var id = await _clients.AppendDraftAsync(user, written, _timeout);
        var drafts = DraftsFor(user);
        var newMessage = await drafts.SaveAsync(null, Draft("新写的一封"), _timeout);

        var (openedAs, opened) = await drafts.OpenAsync(id, _timeout);
        await drafts.SaveAsync(openedAs, opened with { Body = "手机上写了一半，电脑上写完" }, _timeout);
        await drafts.SaveAsync(newMessage, Draft("新写的一封，改过"), _timeout);

        using var imap = await _clients.ImapAsync(user, DemoMailServer.TestPassword, _timeout);
        var folder = await imap.GetFolderAsync("Drafts", _timeout);
        await folder.OpenAsync(FolderAccess.ReadOnly, _timeout);
        var texts = new List<string>();
        foreach (var uid in await folder.SearchAsync(SearchQuery.All, _timeout))
        {
            texts.Add((await folder.GetMessageAsync(uid, _timeout)).TextBody?.Trim() ?? "");
        }

        Assert.Equal(["手机上写了一半，电脑上写完", "新写的一封，改过"], texts.Order());
    }

    private static OutgoingMessage Draft(string body, params OutgoingAttachment[] attachments) =>
        new("bob@school.test", "", "", "草稿", body, attachments);

    private DraftService DraftsFor(string user, ReadingProtocol protocol = ReadingProtocol.Imap)
    {
        var services = app.Services;
        var sessions = services.GetRequiredService<UserSessionStore>();
        var session = sessions.CreateAsync(user, DemoMailServer.Domain, protocol, DemoMailServer.TestPassword).GetAwaiter().GetResult(); // in-process store: completes at once
        return For(app, session);
    }

    /// <summary>The draft service of a circuit of <paramref name="session"/>'s user on <paramref name="host"/>.</summary>
    internal static DraftService For(WebMailAppFactory host, UserSession session)
    {
        var services = host.Services;
        return new DraftService(
            services.GetRequiredService<CurrentMailbox>(), new SignedInState(session), services.GetRequiredService<SharedDrafts>(),
            services.GetRequiredService<KeptDrafts>(), NullLogger<DraftService>.Instance);
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
