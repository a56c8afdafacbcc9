using Microsoft.AspNetCore.Authentication.Cookies;
using WebMail.Client.Services;
using WebMail.Server.Auth;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Hosting;

public static class AuthenticationRegistration
{
    public const string CookieName = "webmail.session";

    /// <summary>Sign-in against the mail server, server-side sessions, and a cookie that only names the session.</summary>
    public static WebApplicationBuilder AddWebMailAuthentication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddWebMailSharedState();

        services.AddOptions<UserSessionOptions>().BindConfiguration(UserSessionOptions.SectionName)
            .Validate(o => o.IdleTimeout > TimeSpan.Zero && o.AbsoluteTimeout > TimeSpan.Zero && o.SweepInterval > TimeSpan.Zero,
                "Sessions:IdleTimeout, AbsoluteTimeout and SweepInterval must be positive.")
            .ValidateOnStart();
        services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.SectionName)
            .Validate(o => o.MaxFailuresPerAccount > 0 && o.MaxFailuresPerClientAddress > 0 && o.Window > TimeSpan.Zero,
                "SignIn:MaxFailuresPerAccount, MaxFailuresPerClientAddress and Window must be positive.")
            .ValidateOnStart();

        services.AddSingleton<UserSessionStore>();
        services.AddHostedService<SessionExpiryService>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<MailAuthenticator>();
        services.AddHttpContextAccessor();
        services.AddScoped<IAccountService, AccountService>();
        services.AddScoped<SessionCookieEvents>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = AccountEndpoints.SignInPath;
                options.ReturnUrlParameter = "returnUrl";
                // The server-side session decides how long a sign-in lasts; the cookie merely names it.
                options.ExpireTimeSpan = TimeSpan.FromDays(1);
                options.SlidingExpiration = false;
                options.EventsType = typeof(SessionCookieEvents);
            });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        return builder;
    }
}
