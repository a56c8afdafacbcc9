using WebMail.Client.Services;

namespace WebMail.ComponentTests;

/// <summary>Read receipts recorded instead of sent; sending can fail with a problem.</summary>
public sealed class FakeReadReceipts : IReadReceiptService
{
    public List<string> Sent { get; } = [];

    public List<string> Declined { get; } = [];

    /// <summary>Sending fails with this while set.</summary>
    public MailProblem? Failure { get; set; }

    public Task<SendResult> SendAsync(string messageId, CancellationToken cancellationToken = default)
    {
        if (Failure is { } problem)
        {
            return Task.FromResult(new SendResult(problem));
        }

        Sent.Add(messageId);
        return Task.FromResult(new SendResult(MailProblem.None));
    }

    public Task DeclineAsync(string messageId, CancellationToken cancellationToken = default)
    {
        Declined.Add(messageId);
        return Task.CompletedTask;
    }
}
