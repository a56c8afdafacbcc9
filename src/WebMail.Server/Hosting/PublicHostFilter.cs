using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Primitives;

namespace WebMail.Server.Hosting;

/// <summary>
/// <c>AllowedHosts</c> (e.g. <c>mail.school.edu.cn</c>; several separated by <c>;</c>) applied to the public port: a
/// request naming another host gets 400, so links the app builds from the Host header (redirects after sign-in) and
/// caches keyed on it cannot be steered to an attacker's name. ASP.NET Core's own host filtering does the same for
/// every port; it is turned off in favour of this one because Prometheus and the orchestrator reach the management
/// port by an internal address that is not the school's host name.
/// </summary>
public static class PublicHostFilter
{
    public static WebApplicationBuilder AddWebMailHostFiltering(this WebApplicationBuilder builder)
    {
        // Registered after the host's defaults, so this runs last and the built-in filter lets everything through.
        builder.Services.PostConfigure<HostFilteringOptions>(options => options.AllowedHosts = ["*"]);
        return builder;
    }

    public static WebApplication UseWebMailHostFiltering(this WebApplication app)
    {
        var allowed = AllowedHosts(app.Configuration);
        if (allowed.Count == 0)
        {
            return app;
        }

        app.Use((context, next) =>
        {
            var host = context.Request.Headers.Host.ToString();
            if (host.Length == 0 || HostString.MatchesAny(new StringSegment(host), allowed))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        });
        return app;
    }

    /// <summary>A host name the public port answers to, for a request the app makes to itself (the container's probe).</summary>
    public static string? ConcreteHost(IConfiguration configuration) =>
        AllowedHosts(configuration).Select(host => host.Value).FirstOrDefault(host => host is { Length: > 0 } && !host.Contains('*'));

    /// <summary>The configured host patterns; empty when any host is allowed (unset or <c>*</c>).</summary>
    public static List<StringSegment> AllowedHosts(IConfiguration configuration)
    {
        var hosts = (configuration["AllowedHosts"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(host => new StringSegment(host))
            .ToList();
        return hosts.Any(host => host == "*") ? [] : hosts;
    }
}
