using MailKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Server.Mail.Smtp;
using WebMail.Server.UserData;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>
/// Send later (issue 19) with two instances sharing one PostgreSQL and one key ring, as a school runs several: the
/// message goes out once, from whichever instance looks, as its user, with nobody signed in.
/// </summary>
public sealed class ScheduledSendingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;
    private readonly MailTestClients _clients = new(output);
    private DemoPostgres _database = null!;
    private WebMailAppFactory _first = null!;
    private WebMailAppFactory _second = null!;

    public async Task InitializeAsync()
    {
        _database = await DemoPostgres.NewDatabaseAsync(_timeout);
        var keys = Path.Combine(Path.GetTempPath(), "webmail-test-keys-" + Guid.NewGuid().ToString("N"));
        Dictionary<string, string?> shared() => new() { ["ConnectionStrings:UserData"] = _database.ConnectionString, ["DataProtection:KeysFolder"] = keys };
        _first = WebMailAppFactory.With(shared());
        _second = WebMailAppFactory.With(shared());
        _ = (_first.Services, _second.Services); // both started: both look for due messages
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Scheduled_WhenDue_BothInstancesLook_SentOnceAsTheUser_WithTheSignedInSessionGone()
    {
        var (alice, bob) = (DemoMailServer.NewTestAccount("later"), DemoMailServer.NewTestAccount("laterreader"));
        var compose = SendingTests.ComposeFor(_first, alice, ReadingProtocol.Imap, out var mail);

        var result = await compose.ScheduleAsync(new OutgoingMessage(bob, "", "", "明早的通知", "八点在 301 开会。", []), DateTimeOffset.UtcNow.AddMinutes(5), _timeout);

        Assert.Equal(MailProblem.None, result.Problem);
        await mail.Session.EndAsync(); // signed out: the message must not need the session
        var sealedRow = Assert.Single(await ScheduledRowsAsync());
        Assert.True(sealedRow.Sealed.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes("八点在")) < 0); // sealed, not readable there
        Assert.True(sealedRow.Sealed.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(bob)) < 0);
        await MakeDueAsync();

        await Task.WhenAll(SendDueAsync(_first), SendDueAsync(_second), SendDueAsync(_first));

        await _clients.WaitForInboxAsync(bob, 1, _timeout);
        await Task.Delay(1000, _timeout); // a second copy, had one been sent, would be delivered by now
        using var imap = await _clients.ImapAsync(bob, DemoMailServer.TestPassword, _timeout);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
        Assert.Equal(1, imap.Inbox.Count);
        var received = await imap.Inbox.GetMessageAsync(0, _timeout);
        Assert.Equal(("明早的通知", alice), (received.Subject, received.From.Mailboxes.Single().Address));
        Assert.Empty(await ScheduledRowsAsync());
    }

    [Fact]
    public async Task Scheduled_RecipientRefusedAtItsTime_WaitsForTheUserWithTheReason_AndComesBackWhole()
    {
        var alice = DemoMailServer.NewTestAccount("laterrefused");
        var compose = SendingTests.ComposeFor(_first, alice, ReadingProtocol.Imap);
        await compose.ScheduleAsync(new OutgoingMessage($"nobody@{DemoMailServer.Domain}", "", "", "退回的通知", "正文", []), DateTimeOffset.UtcNow.AddMinutes(5), _timeout);
        await MakeDueAsync();

        await SendDueAsync(_second);

        var store = _first.Services.GetRequiredService<IScheduledMessageStore>();
        var row = Assert.Single(await store.ForUserAsync(alice, _timeout));
        Assert.Equal(nameof(MailProblem.RecipientRefused), row.Problem);
        Assert.Equal(1, await store.FailedCountAsync(alice, _timeout));
        // A draft again: in the Drafts folder, as another mail program sees it, and the row knows where.
        Assert.NotNull(row.DraftId);
        using (var imap = await _clients.ImapAsync(alice, DemoMailServer.TestPassword, _timeout))
        {
            var drafts = imap.GetFolder(MailKit.SpecialFolder.Drafts)!;
            await drafts.OpenAsync(MailKit.FolderAccess.ReadOnly, _timeout);
            var copy = await drafts.GetMessageAsync(drafts.Count - 1, _timeout);
            Assert.Equal(("退回的通知", $"nobody@{DemoMailServer.Domain}"), (copy.Subject, copy.To.Mailboxes.Single().Address));
        }

        var taken = await store.TakeBackAsync(alice, row.Id, _timeout);
        Assert.NotNull(taken);
        var held = HeldMessage.Open(HeldMessage.Protector(_first.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()), taken.Sealed);
        var back = WebMail.Server.Mail.Drafts.DraftReader.Read(WebMail.Server.Mail.Rendering.MessageRenderer.Render(held.Id, held.Mime));
        Assert.Equal(($"nobody@{DemoMailServer.Domain}", "退回的通知", "正文"), (back.To, back.Subject, back.Body));
    }

    [Fact]
    public async Task Schedule_LessThanAMinuteAhead_Refused()
    {
        var compose = SendingTests.ComposeFor(_first, DemoMailServer.NewTestAccount("laternow"), ReadingProtocol.Imap);

        var result = await compose.ScheduleAsync(new OutgoingMessage("bob@school.test", "", "", "s", "b", []), DateTimeOffset.UtcNow.AddSeconds(10), _timeout);

        Assert.Equal(MailProblem.ScheduledTimeNotAhead, result.Problem);
        Assert.Empty(await ScheduledRowsAsync());
    }

    private static Task SendDueAsync(WebMailAppFactory instance) =>
        Task.Run(() => instance.Services.GetRequiredService<ScheduledSendService>().SendDueAsync(CancellationToken.None));

    // As if the clock had reached their time.
    private async Task MakeDueAsync()
    {
        await using var database = new UserDataContext(_database.ContextOptions());
        await database.ScheduledMessages.ExecuteUpdateAsync(update => update.SetProperty(s => s.SendAt, DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds()), _timeout);
    }

    private async Task<List<ScheduledMessageRow>> ScheduledRowsAsync()
    {
        await using var database = new UserDataContext(_database.ContextOptions());
        return await database.ScheduledMessages.AsNoTracking().ToListAsync(_timeout);
    }
}
