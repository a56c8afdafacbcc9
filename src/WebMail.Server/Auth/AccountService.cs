using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using WebMail.Client.Services;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Auth;

/// <summary>
/// Signs a user in during the sign-in page's form post (static rendering, so the HTTP response can still
/// carry the cookie): throttle, prove the credentials to the mail server, start a session, issue the cookie.
/// </summary>
public sealed class AccountService(
    IHttpContextAccessor httpContextAccessor,
    IOptionsMonitor<MailOptions> mailOptions,
    MailAuthenticator authenticator,
    ISignInThrottle throttle,
    UserSessionStore sessions,
    SessionMailboxes mailboxes,
    Mail.Diagnostics.WebMailMetrics metrics,
    UserData.IUserSettingsStore settings,
    ILogger<AccountService> logger) : IAccountService
{
    /// <summary>A problem the sign-in page should show before anyone submits (the session store is down).</summary>
    public MailProblem? PendingProblem() =>
        httpContextAccessor.HttpContext?.Items.ContainsKey(SessionCookieEvents.SessionStoreUnavailableItem) == true
            ? MailProblem.SessionStoreUnavailable
            : null;

    public SignInChoices GetSignInChoices()
    {
        var options = mailOptions.CurrentValue;
        return new SignInChoices(options.DefaultDomainName, options.Domains.Any(d => d.Imap is not null && d.Pop3 is not null));
    }

    public async Task<SignInResult> SignInAsync(SignInRequest request, CancellationToken cancellationToken = default)
    {
        var http = httpContextAccessor.HttpContext
            ?? throw new InvalidOperationException("Sign-in needs the HTTP request of the sign-in form.");
        var result = await TrySignInAsync(http, request, cancellationToken);
        metrics.SignIn(result.Problem == MailProblem.None ? "ok" : result.Problem.ToString());
        http.Response.StatusCode = result.Problem switch
        {
            MailProblem.None => StatusCodes.Status200OK,
            MailProblem.TooManyAttempts => StatusCodes.Status429TooManyRequests,
            MailProblem.AuthenticationFailed => StatusCodes.Status401Unauthorized,
            MailProblem.MissingCredentials or MailProblem.UnknownDomain or MailProblem.ProtocolNotOffered
                => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status503ServiceUnavailable,
        };
        if (result.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
        }

        return result;
    }

    private async Task<SignInResult> TrySignInAsync(HttpContext http, SignInRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return new SignInResult(MailProblem.MissingCredentials);
        }

        var options = mailOptions.CurrentValue;
        var address = UserNames.ToAddress(request.UserName, options.DefaultDomainName);
        if (address is null || options.FindDomain(UserNames.DomainOf(address)) is not { } domain)
        {
            return new SignInResult(MailProblem.UnknownDomain);
        }

        var protocol = request.Reading ?? domain.DefaultReadingProtocol;
        if ((protocol == ReadingProtocol.Imap ? domain.Imap : domain.Pop3) is null)
        {
            return new SignInResult(MailProblem.ProtocolNotOffered);
        }

        var clientAddress = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        MailSignInOutcome outcome;
        var (attempt, wait) = await throttle.TryBeginAsync(address, clientAddress, cancellationToken);
        await using (attempt)
        {
            if (attempt is null)
            {
                logger.LogWarning("Sign-in for {Address} from {Client} refused: too many failures", address, clientAddress);
                return new SignInResult(MailProblem.TooManyAttempts, wait);
            }

            outcome = await authenticator.AuthenticateAsync(domain, protocol, address, request.Password, clientAddress, cancellationToken);
            if (outcome.Problem == MailProblem.AuthenticationFailed)
            {
                attempt.Failed();
            }
            else if (outcome.Problem == MailProblem.None)
            {
                attempt.Succeeded();
            }
        }

        if (outcome.Problem != MailProblem.None)
        {
            return outcome.Problem == MailProblem.AuthenticationFailed
                ? new SignInResult(outcome.Problem) { ServerReply = outcome.ServerReply, Hint = domain.SignInHint }
                : new SignInResult(outcome.Problem);
        }

        // The connection sign-in proved the password on becomes the session's first; closed here if anything fails.
        var signedIn = outcome.Connection;
        try
        {
            UserSession session;
            try
            {
                var origin = new SessionOrigin(DeviceName.From(http.Request.Headers.UserAgent), clientAddress);
                session = await sessions.CreateAsync(address, domain.Name, protocol, request.Password, cancellationToken, origin);
            }
            catch (SessionStoreUnavailableException exception)
            {
                logger.LogError("Sign-in for {Address} failed: the shared session store is unavailable ({Problem})", address, exception.InnerException?.Message);
                return new SignInResult(MailProblem.SessionStoreUnavailable);
            }

            var identity = new ClaimsIdentity([new Claim(SessionClaims.SessionId, session.Id)], CookieAuthenticationDefaults.AuthenticationScheme);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            // While the browser follows the redirect, the inbox it will show is listed already, on that same connection.
            mailboxes.For(session).StartFirstListing(signedIn);
            signedIn = null; // the session's now
            await UseChosenLanguageAsync(http, address, cancellationToken);
        }
        finally
        {
            signedIn?.Dispose();
        }

        return SignInResult.Success;
    }

    /// <summary>The language the user chose in their settings, on any device they sign in on; the browser's own without it.</summary>
    private async Task UseChosenLanguageAsync(HttpContext http, string address, CancellationToken cancellationToken)
    {
        try
        {
            if ((await settings.FindAsync(address, cancellationToken))?.Language is { } language)
            {
                Hosting.LanguageEndpoints.Remember(http, language);
            }
        }
        catch (MailOperationException exception) when (exception.Problem == MailProblem.SettingsUnavailable)
        {
            logger.LogWarning("Settings of {Address} unavailable at sign-in: the browser's language stays", address);
        }
    }
}
