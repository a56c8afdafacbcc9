using Microsoft.AspNetCore.Components.Authorization;
using WebMail.Server.Auth;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Testing;

/// <summary>The authentication state a circuit of <paramref name="session"/>'s user has: for services built by hand in tests.</summary>
public sealed class SignedInState(UserSession session) : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
        Task.FromResult(new AuthenticationState(SessionCookieEvents.PrincipalFor(session)));
}
