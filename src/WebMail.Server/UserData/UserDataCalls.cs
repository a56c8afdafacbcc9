using Microsoft.EntityFrameworkCore;
using WebMail.Client.Services;

namespace WebMail.Server.UserData;

/// <summary>
/// The one way the stores use the database: the schema checked, a context per call (circuits live for hours; a
/// context must not), each call bounded by <see cref="Timeout"/>, and every failure of the database turned into
/// <see cref="MailProblem.SettingsUnavailable"/>.
/// </summary>
public sealed class UserDataCalls(IDbContextFactory<UserDataContext> contexts, UserDataSchema schema)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <param name="timeout">The call's bound, <see cref="Timeout"/> unless the work is known to be larger.</param>
    /// <exception cref="MailOperationException">With <see cref="MailProblem.SettingsUnavailable"/> when the database cannot be used or is too slow.</exception>
    public async Task<T> RunAsync<T>(Func<UserDataContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout ?? Timeout);
        try
        {
            await schema.EnsureCurrentAsync(bound.Token);
            await using var database = await contexts.CreateDbContextAsync(bound.Token);
            return await work(database, bound.Token);
        }
        catch (Exception exception) when (UserDataFailures.IsUnavailable(exception)
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MailOperationException(MailProblem.SettingsUnavailable, exception);
        }
    }
}
