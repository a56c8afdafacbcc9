using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using WebMail.Client.Services;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Options;

namespace WebMail.UnitTests;

/// <summary>The one path of every mail-server call: bounds, retry, dropping the connection, one vocabulary.</summary>
public sealed class MailServerCallsTests
{
    private readonly MailServerCalls _calls = new(null, NullLogger<MailServerCalls>.Instance);
    private readonly MailEndpointOptions _endpoint = new() { Host = "imap.school.test", Port = 993, TimeoutSeconds = 1 };
    private int _drops;

    [Fact]
    public async Task RunAsync_ConnectionGoneTwice_RetriesOnceThenUnreachable()
    {
        var tries = 0;

        var failure = await Assert.ThrowsAsync<MailOperationException>(() => _calls.RunAsync<bool>(
            Target(), _ => { tries++; throw new IOException("connection reset"); }, CancellationToken.None, Drop, retryStaleConnection: true));

        Assert.Equal(MailProblem.Unreachable, failure.Problem);
        Assert.Equal(2, tries);
        Assert.Equal(2, _drops);
    }

    [Fact]
    public async Task RunAsync_ConnectionGoneOnce_SecondTrySucceeds()
    {
        var tries = 0;

        var result = await _calls.RunAsync(Target(), _ => ++tries == 1 ? throw new IOException("stale") : Task.FromResult("listed"),
            CancellationToken.None, Drop, retryStaleConnection: true);

        Assert.Equal("listed", result);
        Assert.Equal(1, _drops);
    }

    [Fact]
    public async Task RunAsync_WrongPassword_NotRetried()
    {
        var tries = 0;

        var failure = await Assert.ThrowsAsync<MailOperationException>(() => _calls.RunAsync<bool>(
            Target(), _ => { tries++; throw new AuthenticationException("no"); }, CancellationToken.None, Drop, retryStaleConnection: true));

        Assert.Equal(MailProblem.AuthenticationFailed, failure.Problem);
        Assert.Equal(1, tries);
    }

    [Fact]
    public async Task RunAsync_ServerSilentPastTheEndpointTimeout_Timeout()
    {
        var failure = await Assert.ThrowsAsync<MailOperationException>(() => _calls.RunAsync(
            Target(), async token => { await Task.Delay(TimeSpan.FromMinutes(1), token); return true; }, CancellationToken.None, Drop));

        Assert.Equal(MailProblem.Timeout, failure.Problem);
        Assert.Equal(1, _drops);
    }

    [Fact]
    public async Task RunAsync_CallerCancels_CancellationNotAProblem()
    {
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _calls.RunAsync(
            Target(), async token => { await Task.Delay(TimeSpan.FromMinutes(1), token); return true; }, caller.Token, Drop));
        Assert.Equal(1, _drops);
    }

    [Fact]
    public async Task RunAsync_SessionEndsDuringTheCall_SessionEnded()
    {
        using var session = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var failure = await Assert.ThrowsAsync<MailOperationException>(() => _calls.RunAsync(
            Target(session.Token), async token => { await Task.Delay(TimeSpan.FromMinutes(1), token); return true; }, CancellationToken.None, Drop));

        Assert.Equal(MailProblem.SessionEnded, failure.Problem);
    }

    [Fact]
    public async Task RunAsync_SessionAlreadyEnded_NothingRuns()
    {
        var ran = false;

        var failure = await Assert.ThrowsAsync<MailOperationException>(() => _calls.RunAsync(
            Target(new CancellationToken(canceled: true)), _ => Task.FromResult(ran = true), CancellationToken.None));

        Assert.Equal(MailProblem.SessionEnded, failure.Problem);
        Assert.False(ran);
    }

    [Fact]
    public async Task RunAsync_OperationsOwnAnswer_PassesThroughAndKeepsTheConnection()
    {
        var failure = await Assert.ThrowsAsync<MailOperationException>(() => _calls.RunAsync<bool>(
            Target(), _ => throw new MailOperationException(MailProblem.MessageNotFound), CancellationToken.None, Drop, retryStaleConnection: true));

        Assert.Equal(MailProblem.MessageNotFound, failure.Problem);
        Assert.Equal(0, _drops);
    }

    private MailCallTarget Target(CancellationToken ended = default) => new("imap", "read", _endpoint, "alice@school.test", ended);

    private Task Drop()
    {
        _drops++;
        return Task.CompletedTask;
    }
}
