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
        app.UseWebMailManagementEndpoints();
        app.UseWebMailHostFiltering();
        app.UseForwardedHeaders();
        app.UseWebMailSecurityHeaders();
        app.UseWebMailPageCompression();
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

        // Liveness says the process serves requests and tells nothing, so the container's probe may use the public
        // port; readiness (which checks the mail servers) and metrics are on the management port only.
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false });

        app.MapAccountEndpoints();
        app.MapMessageEndpoints();
        Mail.Contacts.ContactEndpoints.MapContactEndpoints(app);
        app.MapLanguageEndpoints();
        app.UseSandboxedViewerAssets();
        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies(typeof(Client.UiText).Assembly);
        return app;
    }
}
