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
public sealed class SessionCookieEvents(UserSessionStore sessions, ILogger<SessionCookieEvents> logger) : CookieAuthenticationEvents
{
    /// <summary>Set on a request whose session could not be looked up because the shared store is down.</summary>
    public const string SessionStoreUnavailableItem = "webmail.session-store-unavailable";

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var cancellationToken = context.HttpContext.RequestAborted;
        UserSession? session;
        try
        {
            session = await sessions.FindAsync(context.Principal?.FindFirstValue(SessionClaims.SessionId), cancellationToken);
        }
        catch (SessionStoreUnavailableException exception)
        {
            // Not signed out: the cookie stays, so the session carries on once the store is back. Until then the
            // request is anonymous and the sign-in page says why.
            logger.LogError("Session lookup failed: the shared session store is unavailable ({Problem})", exception.InnerException?.Message);
            context.HttpContext.Items[SessionStoreUnavailableItem] = true;
            context.RejectPrincipal();
            return;
        }

        if (session is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        await sessions.TouchAsync(session, cancellationToken);
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
