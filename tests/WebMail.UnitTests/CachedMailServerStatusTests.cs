using WebMail.Client.Services;
using WebMail.Server.Mail.Diagnostics;
using WebMail.Testing;

namespace WebMail.UnitTests;

public sealed class CachedMailServerStatusTests
{
    private readonly ManualClock _clock = new();
    private readonly CountingStatus _inner = new();

    [Fact]
    public async Task CheckAll_ManyRequestsWithinFreshPeriod_ChecksServersOnce()
    {
        var cached = new CachedMailServerStatus(_inner, _clock);

        for (var i = 0; i < 100; i++)
        {
            await cached.CheckAllAsync();
        }

        Assert.Equal(1, _inner.Checks);
    }

    [Fact]
    public async Task CheckAll_AfterFreshPeriod_ChecksAgain()
    {
        var cached = new CachedMailServerStatus(_inner, _clock);
        await cached.CheckAllAsync();

        _clock.Advance(CachedMailServerStatus.FreshFor);
        await cached.CheckAllAsync();

        Assert.Equal(2, _inner.Checks);
    }

    [Fact]
    public async Task CheckAll_ConcurrentCallersWhileChecking_ShareOneCheck()
    {
        var release = new TaskCompletionSource<IReadOnlyList<MailServerStatus>>();
        _inner.Next = release.Task;
        var cached = new CachedMailServerStatus(_inner, _clock);

        var waiting = Enumerable.Range(0, 20).Select(_ => cached.CheckAllAsync()).ToList();
        release.SetResult([]);
        await Task.WhenAll(waiting);

        Assert.Equal(1, _inner.Checks);
    }

    [Fact]
    public async Task CheckAll_OneCallerCancels_OthersStillGetTheResult()
    {
        var release = new TaskCompletionSource<IReadOnlyList<MailServerStatus>>();
        _inner.Next = release.Task;
        var cached = new CachedMailServerStatus(_inner, _clock);
        using var leaving = new CancellationTokenSource();

        var left = cached.CheckAllAsync(leaving.Token);
        var staying = cached.CheckAllAsync();
        leaving.Cancel();
        release.SetResult([new MailServerStatus("school.test", "IMAP", "imap:993", MailProblem.None, TimeSpan.Zero)]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => left);
        Assert.Single(await staying);
    }

    [Fact]
    public async Task CheckAll_PreviousCheckFailed_ChecksAgainAtOnce()
    {
        _inner.Next = Task.FromException<IReadOnlyList<MailServerStatus>>(new InvalidOperationException("broken"));
        var cached = new CachedMailServerStatus(_inner, _clock);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cached.CheckAllAsync());

        await cached.CheckAllAsync();

        Assert.Equal(2, _inner.Checks);
    }

    private sealed class CountingStatus : IMailServerStatusService
    {
        public int Checks { get; private set; }

        public Task<IReadOnlyList<MailServerStatus>>? Next { get; set; }

        public Task<IReadOnlyList<MailServerStatus>> CheckAllAsync(CancellationToken cancellationToken = default)
        {
            Checks++;
            var next = Next ?? Task.FromResult<IReadOnlyList<MailServerStatus>>([]);
            Next = null;
            return next;
        }
    }
}
