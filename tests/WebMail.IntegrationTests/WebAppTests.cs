using System.Net;
using WebMail.Testing;

namespace WebMail.IntegrationTests;

/// <summary>The real app (in-process host) configured for the demo mail server.</summary>
public sealed class WebAppTests(WebMailAppFactory app) : IClassFixture<WebMailAppFactory>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task Liveness_Always_Healthy()
    {
        using var response = await app.CreateClient().GetAsync("/health/live", _timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(_timeout));
    }

    [Fact]
    public async Task StatusPage_Rendered_UsesLocalBootstrapAndBlazorServer()
    {
        var html = await app.CreateClient().GetStringAsync("/status", _timeout);

        Assert.Contains("lib/bootstrap/dist/css/bootstrap.min.", html);
        Assert.Contains("_framework/blazor.web.", html);
        Assert.Contains("\"type\":\"server\"", html);
        Assert.DoesNotContain("//cdn", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StatusPage_ChineseBrowser_RendersChinese()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/status", _timeout));

        Assert.Contains("邮件服务器状态", html);
        Assert.Contains("lang=\"zh-CN\"", html);
    }

    [Fact]
    public async Task Pages_Always_CarryTheBrowserDefences()
    {
        using var response = await app.CreateClient().GetAsync("/signin", _timeout);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
