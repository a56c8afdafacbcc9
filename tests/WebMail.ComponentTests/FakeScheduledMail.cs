using WebMail.Client.Services;

namespace WebMail.ComponentTests;

/// <summary>Scheduled messages kept in memory, as the Scheduled page and the inbox's notice see them.</summary>
public sealed class FakeScheduledMail : IScheduledMailService
{
    public List<ScheduledMessage> Messages { get; } = [];

    /// <summary>What taking each one back gives the compose form.</summary>
    public Dictionary<string, OutgoingMessage> Contents { get; } = [];

    /// <summary>The Drafts-folder copies of those that failed, by scheduled id.</summary>
    public Dictionary<string, string> DraftIds { get; } = [];

    public Task<IReadOnlyList<ScheduledMessage>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ScheduledMessage>>([.. Messages]);

    public Task<int> FailedCountAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Messages.Count(m => m.Problem is not null));

    public Task<TakenBackMessage?> TakeBackAsync(string id, CancellationToken cancellationToken = default)
    {
        var taken = Messages.RemoveAll(m => m.Id == id && !m.Sending) == 1 && Contents.TryGetValue(id, out var content) ? content : null;
        return Task.FromResult(taken is null ? null : new TakenBackMessage(taken, DraftIds.GetValueOrDefault(id)));
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Messages.RemoveAll(m => m.Id == id && !m.Sending) == 1);
}
