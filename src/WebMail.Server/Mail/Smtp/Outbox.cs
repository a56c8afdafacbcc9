using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Smtp;

/// <summary>
/// Messages waiting out their undo delay. Each is held in a store that outlives this instance (Redis, or a folder)
/// as well as in memory, so a message the user was told was sent goes out even if they close the tab, sign out, or
/// the session expires (the message keeps what it needs to send as them), and after a restart: whatever is overdue
/// in the store is sent by <see cref="SendOverdueAsync"/>, here or on another instance. Only the session that held
/// a message can undo or await it.
/// </summary>
public sealed class Outbox(IHeldMessageStore store, HeldMessageSender sender, TimeProvider clock, ILogger<Outbox> logger) : IDisposable
{
    /// <summary>How late a held message must be before another instance (or a restarted one) sends it instead.</summary>
    public static readonly TimeSpan RecoveryGrace = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    /// <summary>Cancelled when the instance stops: messages still waiting stay in the store for the next one.</summary>
    private readonly CancellationTokenSource _stopping = new();

    public static string NewId() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    /// <summary>Holds <paramref name="held"/> and sends it at its time unless undone first.</summary>
    public async Task HoldAsync(HeldMessage held, CancellationToken cancellationToken)
    {
        var durable = true;
        try
        {
            await store.HoldAsync(held, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Still sent from memory; only a restart in the next seconds would lose it.
            durable = false;
            logger.LogError("A sent message of {Address} is held in this instance only: the outbox store failed ({ExceptionType})",
                held.Sender.Address, exception.GetType().Name);
        }

        var pending = new Pending(held, durable);
        _pending[held.Id] = pending;
        pending.Completion = RunAsync(pending);
    }

    public Task<SendResult>? Find(string id, string sessionId) =>
        _pending.TryGetValue(id, out var pending) && pending.Held.SessionId == sessionId ? pending.Completion : null;

    /// <summary>True when the message was stopped before it left.</summary>
    public async Task<bool> TryUndoAsync(string id, string sessionId)
    {
        if (!_pending.TryGetValue(id, out var pending) || pending.Held.SessionId != sessionId)
        {
            return false;
        }

        await pending.Gate.WaitAsync();
        try
        {
            if (pending.Started)
            {
                return false;
            }

            // The stored copy must go too, or a recovering instance would send it later.
            if (pending.Durable && await TakeAsync(id) is not { Taken: true })
            {
                return false;
            }

            pending.Undone = true;
            pending.Wake.Cancel();
            return true;
        }
        finally
        {
            pending.Gate.Release();
        }
    }

    /// <summary>Sends the held messages that are overdue and that no instance is sending: those of an instance that went away.</summary>
    public async Task SendOverdueAsync(CancellationToken cancellationToken)
    {
        var overdue = await store.DueAsync(clock.GetUtcNow() - RecoveryGrace, cancellationToken);
        foreach (var id in overdue.Where(id => !_pending.ContainsKey(id)))
        {
            if (await TakeAsync(id) is { Message: { } held })
            {
                var result = await sender.SendAsync(held);
                logger.LogInformation("A held message of {Address} whose instance went away was sent: {Problem}", held.Sender.Address, result.Problem);
            }
        }
    }

    private async Task<SendResult> RunAsync(Pending pending)
    {
        try
        {
            var wait = pending.Held.SendAt - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(pending.Wake.Token, _stopping.Token);
                try
                {
                    await Task.Delay(wait, clock, wake.Token);
                }
                catch (OperationCanceledException)
                {
                    // Undone (the gate below says so), or stopping.
                }
            }

            if (_stopping.IsCancellationRequested && !pending.Undone)
            {
                logger.LogInformation("Instance stopping: a held message is left {Where}", pending.Durable ? "in the store for the next instance" : "unsent");
                return new SendResult(MailProblem.ProtocolError);
            }

            await pending.Gate.WaitAsync();
            try
            {
                if (pending.Undone)
                {
                    return new SendResult(MailProblem.Undone);
                }

                pending.Started = true;
            }
            finally
            {
                pending.Gate.Release();
            }

            var held = pending.Held;
            if (pending.Durable)
            {
                var (taken, stored) = await TakeAsync(held.Id);
                if (taken && stored is null)
                {
                    // Another instance found it overdue and is sending it.
                    return new SendResult(MailProblem.None);
                }
            }

            return await sender.SendAsync(held);
        }
        catch (Exception exception)
        {
            logger.LogError("A held message could not be sent: {ExceptionType}", exception.GetType().Name);
            return new SendResult(MailProblem.ProtocolError);
        }
        finally
        {
            // Keep the outcome a little while for a page that is still waiting for it, then forget it.
            _ = Task.Delay(TimeSpan.FromMinutes(2)).ContinueWith(_ => _pending.TryRemove(pending.Held.Id, out var _), TaskScheduler.Default);
        }
    }

    /// <summary>Takes the stored copy: Taken is false when the store could not be asked; Message null when nobody had it.</summary>
    private async Task<(bool Taken, HeldMessage? Message)> TakeAsync(string id)
    {
        try
        {
            return (true, await store.TakeAsync(id, CancellationToken.None));
        }
        catch (Exception exception)
        {
            logger.LogWarning("The outbox store did not answer for a held message ({ExceptionType})", exception.GetType().Name);
            return (false, null);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private sealed class Pending(HeldMessage held, bool durable)
    {
        public HeldMessage Held { get; } = held;

        /// <summary>Whether a copy is in the store, which must be taken out before sending or undoing.</summary>
        public bool Durable { get; } = durable;

        /// <summary>Sending and undoing decide under this, one at a time.</summary>
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public CancellationTokenSource Wake { get; } = new();

        public bool Started { get; set; }

        public bool Undone { get; set; }

        public Task<SendResult> Completion { get; set; } = Task.FromResult(new SendResult(MailProblem.ProtocolError));
    }
}
