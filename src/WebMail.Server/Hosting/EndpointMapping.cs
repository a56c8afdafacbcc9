using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using WebMail.Server.Auth;
using WebMail.Server.Components;
using WebMail.Server.Mail;

namespace WebMail.Server.Hosting;

public static class EndpointMapping
{
    public const string LivenessPath = "/health/live";
    public const string ReadinessPath = "/health/ready";
    public const string ReadinessTag = "ready";

    public static readonly string[] SupportedCultures = ["en", "zh-CN"];

    public static WebApplication UseWebMailPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseWebMailSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization(options => options
            .SetDefaultCulture(SupportedCultures[0])
            .AddSupportedCultures(SupportedCultures)
            .AddSupportedUICultures(SupportedCultures));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        // Liveness says the process serves requests; readiness also checks the configured mail servers.
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadinessTag) });

        app.MapWebMailTelemetry();
        app.MapAccountEndpoints();
        app.MapMessageEndpoints();
        app.MapLanguageEndpoints();
        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies(typeof(Client.UiText).Assembly);
        return app;
    }
}
