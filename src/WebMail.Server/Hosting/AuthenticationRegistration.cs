using Microsoft.AspNetCore.Authentication.Cookies;
using WebMail.Client.Services;
using WebMail.Server.Auth;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Hosting;

public static class AuthenticationRegistration
{
    public const string CookieName = "webmail.session";

    /// <summary>
    /// The cookie's name when it is Secure. Browsers accept a <c>__Host-</c> cookie only from HTTPS, with Path=/ and
    /// no Domain, so a sibling host under the school's domain (a student's club page) cannot plant or overwrite it.
    /// </summary>
    public const string SecureCookieName = "__Host-" + CookieName;

    public const string SecureCookieKey = "Sessions:SecureCookie";

    /// <summary>Secure cookies unless configured off; off by default only in Development (plain HTTP on a laptop).</summary>
    public static bool SecureCookies(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(SecureCookieKey) ?? !environment.IsDevelopment();

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
        services.AddSingleton<Mail.Connections.MailAuthenticator>();
        services.AddHttpContextAccessor();
        services.AddScoped<IAccountService, AccountService>();
        services.AddScoped<ISessionsService, SessionsService>();
        services.AddScoped<SessionCookieEvents>();

        var secure = SecureCookies(builder.Configuration, builder.Environment);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = secure ? SecureCookieName : CookieName;
                options.Cookie.Path = "/";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
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
