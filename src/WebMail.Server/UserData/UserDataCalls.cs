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

    /// <exception cref="MailOperationException">With <see cref="MailProblem.SettingsUnavailable"/> when the database cannot be used or is too slow.</exception>
    public async Task<T> RunAsync<T>(Func<UserDataContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await schema.EnsureCurrentAsync(timeout.Token);
            await using var database = await contexts.CreateDbContextAsync(timeout.Token);
            return await work(database, timeout.Token);
        }
        catch (Exception exception) when (UserDataFailures.IsUnavailable(exception)
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MailOperationException(MailProblem.SettingsUnavailable, exception);
        }
    }
}
