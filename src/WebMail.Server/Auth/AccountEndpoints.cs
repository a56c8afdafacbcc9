using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Auth;

public static class AccountEndpoints
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/account/signout";

    /// <summary>
    /// Sign-out is a plain form POST with an antiforgery token, outside Blazor's circuit, because only an HTTP
    /// response can delete the cookie. It ends the session: password dropped, connections closed, cache emptied.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignOutPath, async (HttpContext http, IAntiforgery antiforgery, UserSessionStore sessions) =>
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.BadRequest();
            }

            if (http.User.FindFirst(SessionClaims.SessionId)?.Value is { } sessionId)
            {
                await sessions.EndAsync(sessionId, "signed out");
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(SignInPath + "?signedOut=true");
        });
        return endpoints;
    }
}
