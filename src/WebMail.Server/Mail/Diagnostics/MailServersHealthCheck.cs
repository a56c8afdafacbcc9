using Microsoft.Extensions.Diagnostics.HealthChecks;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Diagnostics;

/// <summary>Readiness: every configured mail server answers over a trusted connection.</summary>
public sealed class MailServersHealthCheck(IMailServerStatusService status) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var results = await status.CheckAllAsync(cancellationToken);
        var failing = results.Where(r => !r.IsHealthy).Select(r => $"{r.Protocol} {r.Endpoint}: {r.Problem}").ToList();
        return failing.Count == 0
            ? HealthCheckResult.Healthy($"{results.Count} mail servers answer")
            : HealthCheckResult.Unhealthy(string.Join("; ", failing));
    }
}
