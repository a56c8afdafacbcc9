using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using WebMail.Server.Mail.Diagnostics;

namespace WebMail.Server.Hosting;

/// <summary>
/// Metrics through OpenTelemetry: the webmail's own (sign-ins, sends, cache, sessions, mail-server latency), ASP.NET
/// Core's (requests, Kestrel, SignalR connections, Blazor circuits) and the runtime's (GC heap, CPU). Scraped by Prometheus at
/// <c>Telemetry:PrometheusPath</c> (default /metrics; empty turns it off) on the management port
/// (<see cref="ManagementPort"/>), and pushed over OTLP when <c>Telemetry:OtlpEndpoint</c> is set.
/// </summary>
public static class TelemetryRegistration
{
    public static WebApplicationBuilder AddWebMailTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WebMailMetrics>();
        var otlp = builder.Configuration["Telemetry:OtlpEndpoint"];
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("webmail"))
            .WithMetrics(metrics =>
            {
                // Circuits: how many live pages an instance carries, and for how long (per-component render timings,
                // Microsoft.AspNetCore.Components.Lifecycle, are left out: a histogram per component type, recorded
                // on every parameter update of every list row).
                metrics.AddMeter(WebMailMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
                    "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Components.Server.Circuits", "System.Runtime");
                metrics.AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    metrics.AddOtlpExporter(exporter => exporter.Endpoint = new Uri(otlp));
                }
            });
        return builder;
    }
}
