using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WebMail.IntegrationTests.Infrastructure;

/// <summary>Hosts the real app in-process, pointed at the demo mail server.</summary>
public sealed class WebMailAppFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in DemoMailServer.AppConfiguration())
        {
            builder.UseSetting(key, value);
        }
    }
}
