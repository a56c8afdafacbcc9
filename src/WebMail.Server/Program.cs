using WebMail.Server.Hosting;

if (HealthProbeCommand.IsRequested(args))
{
    // The container's HEALTHCHECK runs the app's own binary: the runtime image has no curl.
    return await HealthProbeCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddWebMailServices();

var app = builder.Build();
app.UseWebMailPipeline();
await app.RunAsync();
return 0;
