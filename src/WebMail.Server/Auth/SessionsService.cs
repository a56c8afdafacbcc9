using Microsoft.AspNetCore.Components.Authorization;
using WebMail.Client.Services;
using WebMail.Server.Mail;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Auth;

/// <summary>The list of signed-in devices for the user of this circuit.</summary>
public sealed class SessionsService(CurrentMailbox current, AuthenticationStateProvider authentication, UserSessionStore sessions)
    : ISessionsService
{
    public async Task<IReadOnlyList<SignedInSession>> ListAsync(CancellationToken cancellationToken = default) =>
        await RunAsync(session => sessions.ListForAsync(session, cancellationToken));

    public async Task<int> SignOutEverywhereElseAsync(CancellationToken cancellationToken = default) =>
        await RunAsync(session => sessions.EndOthersAsync(session, cancellationToken));

    private async Task<T> RunAsync<T>(Func<UserSession, Task<T>> action)
    {
        var session = (await current.ForAsync(authentication)).Session;
        try
        {
            return await action(session);
        }
        catch (SessionStoreUnavailableException exception)
        {
            throw new MailOperationException(MailProblem.SessionStoreUnavailable, exception);
        }
    }
}
