using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WebMail.Testing;

/// <summary>Hosts the real app in-process, pointed at the demo mail server.</summary>
public class WebMailAppFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Outside Development the host only finds Blazor's and the Razor class library's files when told to
        // read the build's static web assets manifest (a published app has them in wwwroot instead).
        builder.UseStaticWebAssets();
        foreach (var (key, value) in DemoMailServer.AppConfiguration())
        {
            builder.UseSetting(key, value);
        }
    }
}
