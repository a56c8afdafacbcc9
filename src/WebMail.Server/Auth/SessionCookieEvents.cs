using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Auth;

/// <summary>
/// A cookie is only as good as the server-side session it names: one that was signed out, timed out or never
/// existed here signs the request out. A live one is touched (idle timeout) and its principal is filled in
/// from the session, so the cookie itself never carries more than the session id.
/// </summary>
public sealed class SessionCookieEvents(UserSessionStore sessions, TimeProvider clock) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var session = await sessions.FindAsync(context.Principal?.FindFirstValue(SessionClaims.SessionId));
        if (session is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        session.Touch(clock.GetUtcNow());
        context.ReplacePrincipal(PrincipalFor(session));
    }

    public static ClaimsPrincipal PrincipalFor(UserSession session) => new(new ClaimsIdentity(
        [
            new Claim(SessionClaims.SessionId, session.Id),
            new Claim(ClaimTypes.Name, session.Address),
            new Claim(SessionClaims.ReadingProtocol, session.Protocol.ToString()),
        ],
        CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
}
