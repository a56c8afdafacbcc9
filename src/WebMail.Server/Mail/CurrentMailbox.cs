using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using WebMail.Client.Services;
using WebMail.Server.Auth;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Mail;

/// <summary>The mail context of the signed-in user of this circuit or request, or a SessionEnded problem.</summary>
public sealed class CurrentMailbox(UserSessionStore sessions, SessionMailboxes contexts)
{
    /// <exception cref="MailOperationException">With <see cref="MailProblem.SessionEnded"/> when nobody is signed in any more.</exception>
    /// <param name="activity">False for work the page does on its own (checking for new mail): that must not keep an unattended session alive.</param>
    public async Task<SessionMailbox> ForAsync(ClaimsPrincipal user, bool activity = true)
    {
        UserSession? session;
        try
        {
            session = await sessions.FindAsync(user.FindFirstValue(SessionClaims.SessionId));
        }
        catch (SessionStoreUnavailableException)
        {
            throw new MailOperationException(MailProblem.SessionStoreUnavailable);
        }

        if (session is null)
        {
            throw new MailOperationException(MailProblem.SessionEnded);
        }

        // Work in a live circuit is activity too, though it sends no cookie.
        if (activity)
        {
            await sessions.TouchAsync(session);
        }

        return contexts.For(session);
    }

    public async Task<SessionMailbox> ForAsync(AuthenticationStateProvider authentication, bool activity = true) =>
        await ForAsync((await authentication.GetAuthenticationStateAsync()).User, activity);
}
