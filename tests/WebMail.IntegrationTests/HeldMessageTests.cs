using MailKit;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Server.Mail.Sessions;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>
/// A message the user was told was sent goes out whatever happens during its undo delay: sign-out, the instance
/// stopping (a new one on the same outbox folder, or another instance sharing Redis, sends it); an undone one never.
/// </summary>
public sealed class HeldMessageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token;
    private readonly MailTestClients _clients = new(output);
    private LocalServerProcess _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task SignedOutDuringTheDelay_StillSentAndKeptInSent()
    {
        await using var app = WebMailAppFactory.With(new() { ["Compose:UndoSendDelay"] = "00:00:02" });
        var (alice, bob) = (DemoMailServer.NewTestAccount("held-alice"), DemoMailServer.NewTestAccount("held-bob"));
        var compose = SendingTests.ComposeFor(app, alice, ReadingProtocol.Imap, out var mail);

        var pending = await compose.SendAsync(new OutgoingMessage(bob, "", "", "sent before sign-out", "走了也要发出去", []), _timeout);
        await app.Services.GetRequiredService<UserSessionStore>().EndAsync(mail.Session.Id, "signed out");

        Assert.NotNull(pending.PendingId);
        Assert.Equal(["sent before sign-out"], await SubjectsWhenArrivedAsync(bob, "INBOX", 1));
        Assert.Equal(["sent before sign-out"], await SubjectsWhenArrivedAsync(alice, "Sent", 1));
    }

    [Fact]
    public async Task InstanceStoppedDuringTheDelay_TheNextOnTheSameFolderSendsIt_NotTheUndoneOne()
    {
        var (alice, bob) = (DemoMailServer.NewTestAccount("restart-alice"), DemoMailServer.NewTestAccount("restart-bob"));
        string folder;
        await using (var first = WebMailAppFactory.With(new() { ["Compose:UndoSendDelay"] = "00:00:03" }))
        {
            folder = first.OutboxFolder;
            var compose = SendingTests.ComposeFor(first, alice, ReadingProtocol.Imap);
            var undone = await compose.SendAsync(new OutgoingMessage(bob, "", "", "undone", "never", []), _timeout);
            Assert.True(await compose.UndoAsync(undone.PendingId!));
            await compose.SendAsync(new OutgoingMessage(bob, "", "", "survives the restart", "body", []), _timeout);

            // What waits on disk is encrypted: neither the text nor the recipient can be read there.
            var held = Assert.Single(Directory.GetFiles(folder));
            Assert.DoesNotContain(bob, System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(held, _timeout)), StringComparison.Ordinal);
        }

        await using var second = WebMailAppFactory.With(new() { ["Compose:OutboxFolder"] = folder });
        _ = second.Services; // started: its recovery looks for overdue messages

        Assert.Equal(["survives the restart"], await SubjectsWhenArrivedAsync(bob, "INBOX", 1));
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task InstanceStoppedDuringTheDelay_AnotherInstanceSharingRedisSendsIt()
    {
        var (alice, bob) = (DemoMailServer.NewTestAccount("redis-alice"), DemoMailServer.NewTestAccount("redis-bob"));
        var settings = KeyEncryptionCertificate.RedisSettings(RedisServer.ConnectionString(_redis));
        settings["Compose:UndoSendDelay"] = "00:00:02";
        await using var other = WebMailAppFactory.With(settings);
        _ = other.Services;
        await using (var first = WebMailAppFactory.With(settings))
        {
            await SendingTests.ComposeFor(first, alice, ReadingProtocol.Imap)
                .SendAsync(new OutgoingMessage(bob, "", "", "sent by the other instance", "body", []), _timeout);
        }

        Assert.Equal(["sent by the other instance"], await SubjectsWhenArrivedAsync(bob, "INBOX", 1));
    }

    /// <summary>The subjects in <paramref name="folder"/> once it has <paramref name="count"/> messages (recovery takes up to ~20 s).</summary>
    private async Task<List<string>> SubjectsWhenArrivedAsync(string user, string folder, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            using var imap = await _clients.ImapAsync(user, DemoMailServer.TestPassword, _timeout);
            var mailbox = folder == "INBOX" ? imap.Inbox : imap.GetFolder(SpecialFolder.Sent);
            if (mailbox is not null)
            {
                await mailbox.OpenAsync(FolderAccess.ReadOnly, _timeout);
                if (mailbox.Count >= count || DateTime.UtcNow > deadline)
                {
                    var subjects = (await mailbox.FetchAsync(0, -1, MessageSummaryItems.Envelope, _timeout)).Select(m => m.Envelope?.Subject ?? "").ToList();
                    await imap.DisconnectAsync(true, _timeout);
                    return subjects;
                }
            }

            await Task.Delay(500, _timeout);
        }
    }
}
