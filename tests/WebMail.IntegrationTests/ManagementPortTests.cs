using System.Net;
using WebMail.Testing;

namespace WebMail.IntegrationTests;

/// <summary>
/// Metrics and readiness answer on the management port only; the public port serves neither, in any letter case
/// (nginx's <c>location /metrics { deny all; }</c> let <c>/METRICS</c> through, since ASP.NET Core ignores case).
/// </summary>
public sealed class ManagementPortTests : IDisposable
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private readonly WebMailServerFactory _app = WebMailServerFactory.WithManagementPort();
    private readonly HttpClient _public;
    private readonly HttpClient _management;

    public ManagementPortTests()
    {
        _public = new HttpClient { BaseAddress = _app.BaseAddress };
        _management = new HttpClient { BaseAddress = _app.ManagementAddress };
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/METRICS")]
    [InlineData("/Metrics/")]
    [InlineData("/health/ready")]
    [InlineData("/HEALTH/READY")]
    public async Task PublicPort_MetricsOrReadiness_NotServed(string path)
    {
        using var response = await _public.GetAsync(path, _timeout);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(_timeout);
        Assert.DoesNotContain("# TYPE", body);
        Assert.DoesNotContain("Healthy", body);
    }

    [Fact]
    public async Task PublicPort_ManagementHostHeader_StillNotServed()
    {
        // The port is the connection's, not the Host header's: naming the management port there changes nothing.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Host = _app.ManagementAddress!.Authority;

        using var response = await _public.SendAsync(request, _timeout);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ManagementPort_Metrics_PrometheusText()
    {
        var metrics = await _management.GetStringAsync("/metrics", _timeout);

        Assert.Contains("# TYPE", metrics);
    }

    [Fact]
    public async Task ManagementPort_DemoMailServerUp_ReadyAndLive()
    {
        Assert.Equal("Healthy", await _management.GetStringAsync("/health/ready", _timeout));
        Assert.Equal("Healthy", await _management.GetStringAsync("/health/live", _timeout));
    }

    [Fact]
    public async Task ManagementPort_MailPages_NotServed()
    {
        using var response = await _management.GetAsync("/signin", _timeout);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PublicPort_Liveness_StillAnswersForTheContainerProbe()
    {
        Assert.Equal("Healthy", await _public.GetStringAsync("/health/live", _timeout));
    }

    public void Dispose()
    {
        _public.Dispose();
        _management.Dispose();
        _app.Dispose();
    }
}
