using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace WebMail.Server.Hosting;

/// <summary>
/// Metrics and readiness on a port of their own (<c>Management:Url</c>, e.g. <c>http://127.0.0.1:9090</c>), never on
/// the public one. Hiding <c>/metrics</c> with a proxy rule was not enough: nginx matches paths by case and ASP.NET
/// Core does not, so <c>/METRICS</c> went through. Requests are told apart by the port the connection arrived on,
/// which a client cannot forge (a Host header it can). Without <c>Management:Url</c> neither is served at all.
/// </summary>
public static class ManagementPort
{
    public const string UrlKey = "Management:Url";

    /// <summary>The port of <c>Management:Url</c>, or null when there is no management port.</summary>
    public static int? From(IConfiguration configuration)
    {
        var url = configuration[UrlKey];
        return string.IsNullOrWhiteSpace(url) ? null : BindingAddress.Parse(url).Port;
    }

    /// <summary>Listens on the management URL as well as on the public URLs the host was given.</summary>
    public static WebApplicationBuilder AddWebMailManagementPort(this WebApplicationBuilder builder)
    {
        var management = builder.Configuration[UrlKey];
        if (string.IsNullOrWhiteSpace(management))
        {
            return builder;
        }

        // Kestrel takes either the configured URLs or code's own list, never both, so the public ones are listed
        // again here beside the management one, read the way the host reads them.
        var publicUrls = PublicUrls(builder.Configuration);
        var managementPort = BindingAddress.Parse(management).Port;
        if (publicUrls.Any(url => BindingAddress.Parse(url).Port == managementPort))
        {
            throw new InvalidOperationException($"{UrlKey} must use a port the public URLs do not ({managementPort}).");
        }

        builder.WebHost.UseUrls([.. publicUrls, management]);
        return builder;
    }

    /// <summary>Serves readiness, liveness and metrics on the management port, and nothing else there.</summary>
    public static WebApplication UseWebMailManagementEndpoints(this WebApplication app)
    {
        if (From(app.Configuration) is not int port)
        {
            return app;
        }

        app.UseHealthChecks(EndpointMapping.ReadinessPath, port,
            new HealthCheckOptions { Predicate = check => check.Tags.Contains(EndpointMapping.ReadinessTag) });
        app.UseHealthChecks(EndpointMapping.LivenessPath, port, new HealthCheckOptions { Predicate = _ => false });
        var metricsPath = app.Configuration["Telemetry:PrometheusPath"] ?? "/metrics";
        if (metricsPath.Length > 0)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider: null,
                predicate: context => context.Connection.LocalPort == port && context.Request.Path == metricsPath,
                path: null, configureBranchedPipeline: null, optionsName: null);
        }

        // The mail pages are not served on the management port: it is meant for the monitoring network only.
        app.Use((context, next) =>
        {
            if (context.Connection.LocalPort != port)
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return app;
    }

    private static List<string> PublicUrls(IConfiguration configuration)
    {
        var urls = configuration["urls"];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            return Split(urls);
        }

        var ports = Split(configuration["http_ports"]).Select(port => $"http://*:{port}")
            .Concat(Split(configuration["https_ports"]).Select(port => $"https://*:{port}"))
            .ToList();
        return ports.Count > 0 ? ports : ["http://localhost:5000"];
    }

    private static List<string> Split(string? list) =>
        (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
