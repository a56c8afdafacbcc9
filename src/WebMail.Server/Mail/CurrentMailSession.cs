using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using WebMail.Client.Services;
using WebMail.Server.Auth;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Mail;

/// <summary>The mail context of the signed-in user of this circuit or request, or a SessionEnded problem.</summary>
public sealed class CurrentMailSession(UserSessionStore sessions, MailSessionContexts contexts, TimeProvider clock)
{
    /// <exception cref="MailOperationException">With <see cref="MailProblem.SessionEnded"/> when nobody is signed in any more.</exception>
    public async Task<MailSessionContext> ForAsync(ClaimsPrincipal user)
    {
        var session = await sessions.FindAsync(user.FindFirstValue(SessionClaims.SessionId))
            ?? throw new MailOperationException(MailProblem.SessionEnded);
        // Work in a live circuit is activity too, though it sends no cookie.
        session.Touch(clock.GetUtcNow());
        return contexts.For(session);
    }

    public async Task<MailSessionContext> ForAsync(AuthenticationStateProvider authentication) =>
        await ForAsync((await authentication.GetAuthenticationStateAsync()).User);
}
