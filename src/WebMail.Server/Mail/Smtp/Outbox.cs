using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Smtp;

/// <summary>
/// Messages waiting out their undo delay. They live here, not in the browser's circuit, so a message the user
/// sent is sent even if they close the tab. Only the session that queued a message can undo or await it.
/// </summary>
public sealed class Outbox(ILogger<Outbox> logger)
{
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    public string Schedule(string sessionId, TimeSpan delay, Func<Task<SendResult>> send)
    {
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        var pending = new Pending(sessionId);
        _pending[id] = pending;
        pending.Completion = RunAsync(id, pending, delay, send);
        return id;
    }

    public Task<SendResult>? Find(string id, string sessionId) =>
        _pending.TryGetValue(id, out var pending) && pending.SessionId == sessionId ? pending.Completion : null;

    /// <summary>True when the message was stopped before it left.</summary>
    public bool TryUndo(string id, string sessionId)
    {
        if (!_pending.TryGetValue(id, out var pending) || pending.SessionId != sessionId)
        {
            return false;
        }

        lock (pending)
        {
            if (pending.Started)
            {
                return false;
            }

            pending.Undo.Cancel();
            return true;
        }
    }

    private async Task<SendResult> RunAsync(string id, Pending pending, TimeSpan delay, Func<Task<SendResult>> send)
    {
        try
        {
            try
            {
                await Task.Delay(delay, pending.Undo.Token);
            }
            catch (OperationCanceledException)
            {
                return new SendResult(SendProblem.Undone);
            }

            lock (pending)
            {
                if (pending.Undo.IsCancellationRequested)
                {
                    return new SendResult(SendProblem.Undone);
                }

                pending.Started = true;
            }

            return await send();
        }
        catch (Exception exception)
        {
            logger.LogError("A queued message could not be sent: {ExceptionType}", exception.GetType().Name);
            return new SendResult(SendProblem.ServerError);
        }
        finally
        {
            // Keep the outcome a little while for a page that is still waiting for it, then forget it.
            _ = Task.Delay(TimeSpan.FromMinutes(2)).ContinueWith(_ => _pending.TryRemove(id, out var _), TaskScheduler.Default);
        }
    }

    private sealed class Pending(string sessionId)
    {
        public string SessionId { get; } = sessionId;

        public CancellationTokenSource Undo { get; } = new();

        public bool Started { get; set; }

        public Task<SendResult> Completion { get; set; } = Task.FromResult(new SendResult(SendProblem.ServerError));
    }
}
