namespace WebMail.Server.Hosting;

/// <summary><c>WebMail.Server --healthcheck [URL]</c>: exits 0 when the running server's liveness endpoint answers.</summary>
public static class HealthProbeCommand
{
    private const string Flag = "--healthcheck";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Flag;

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 1 ? args[1] : DefaultUrl();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        // With AllowedHosts set, the public port answers only to the school's host names.
        if (PublicHostFilter.ConcreteHost(new ConfigurationBuilder().AddEnvironmentVariables().Build()) is { } host)
        {
            request.Headers.Host = host;
        }

        try
        {
            using var response = await http.SendAsync(request);
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"{url}: {exception.Message}");
            return 1;
        }
    }

    private static string DefaultUrl()
    {
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080";
        var port = ports.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries)[0].Trim();
        return $"http://127.0.0.1:{port}{EndpointMapping.LivenessPath}";
    }
}
