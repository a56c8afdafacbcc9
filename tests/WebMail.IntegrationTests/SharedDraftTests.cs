using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using WebMail.Client.Services;
using WebMail.Server.Hosting;
using WebMail.Server.Mail.Sessions;
using WebMail.Testing;

namespace WebMail.IntegrationTests;

/// <summary>
/// Drafts shared through a real Redis (Debian's redis-server) between two instances: an attachment is stored once
/// however often the text is saved, another instance restores the draft whole, and a removed file leaves Redis.
/// </summary>
public sealed class SharedDraftTests : IAsyncLifetime
{
    private static readonly string FileKeys = SharedStateRegistration.SessionKeyPrefix + "draft-file:*";
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;
    private LocalServerProcess _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task SaveAsync_TextSavedThreeTimesWithOneFile_FileStoredOnceAndRestoredWholeElsewhere()
    {
        await using var first = Instance();
        var session = await SignedInAsync(first, "shared-draft");
        var drafts = DraftTests.For(first, session);
        var file = new OutgoingAttachment("实验数据.bin", "application/octet-stream", RandomNumberGenerator.GetBytes(300_000));

        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.ConnectionString(_redis));
        var saved = await drafts.SaveAsync(null, new OutgoingMessage("bob@school.test", "", "", "周报", "第一稿", [file]), _timeout);
        var stored = (byte[])(await redis.GetDatabase().HashGetAsync(Keys(redis, FileKeys).Single(), "data"))!;

        foreach (var text in new[] { "第二稿", "第三稿" })
        {
            saved = await drafts.SaveAsync(saved, new OutgoingMessage("bob@school.test", "", "", "周报", text, [file]), _timeout);
        }

        // Written once: encrypting again would give other bytes (Data Protection uses a fresh IV each time).
        var keys = Keys(redis, FileKeys);
        Assert.Single(keys);
        Assert.Equal(stored, (byte[])(await redis.GetDatabase().HashGetAsync(keys[0], "data"))!);
        var record = Keys(redis, SharedStateRegistration.SessionKeyPrefix + "draft:*").Single();
        Assert.InRange((await redis.GetDatabase().HashGetAsync(record, "data")).Length(), 1, 10_000);

        await using var second = Instance();
        var takenOver = await second.Services.GetRequiredService<UserSessionStore>().FindAsync(session.Id, _timeout);
        var restored = await DraftTests.For(second, takenOver!).GetAsync(_timeout);
        Assert.Equal("第三稿", restored?.Message.Body);
        Assert.Equal(file.Content, restored?.Message.Attachments.Single().Content);
        Assert.Equal("实验数据.bin", restored?.Message.Attachments.Single().FileName);

        await drafts.SaveAsync(saved, new OutgoingMessage("bob@school.test", "", "", "周报", "不要附件了", []), _timeout);
        Assert.Empty(Keys(redis, FileKeys));
    }

    [Fact]
    public async Task DiscardAsync_DraftWithFiles_NothingOfItLeftInRedis()
    {
        await using var app = Instance();
        var session = await SignedInAsync(app, "shared-discard");
        var drafts = DraftTests.For(app, session);
        var files = Enumerable.Range(1, 2).Select(i => new OutgoingAttachment($"{i}.bin", "application/octet-stream", RandomNumberGenerator.GetBytes(10_000))).ToArray();
        var saved = await drafts.SaveAsync(null, new OutgoingMessage("bob@school.test", "", "", "草稿", "正文", files), _timeout);

        await drafts.DiscardAsync(saved, _timeout);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.ConnectionString(_redis));
        Assert.Empty(Keys(redis, FileKeys));
        Assert.Empty(Keys(redis, SharedStateRegistration.SessionKeyPrefix + "draft:*"));
    }

    private Task<UserSession> SignedInAsync(WebMailAppFactory app, string purpose) =>
        app.Services.GetRequiredService<UserSessionStore>().CreateAsync(
            DemoMailServer.NewTestAccount(purpose), DemoMailServer.Domain, ReadingProtocol.Imap, DemoMailServer.TestPassword, _timeout);

    private static List<RedisKey> Keys(ConnectionMultiplexer redis, string pattern) =>
        [.. redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: pattern)];

    private WebMailAppFactory Instance() => WebMailAppFactory.With(KeyEncryptionCertificate.RedisSettings(RedisServer.ConnectionString(_redis)));
}
