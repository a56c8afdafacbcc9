using System.Net;
using WebMail.Testing;

namespace WebMail.IntegrationTests;

/// <summary>With AllowedHosts set, the public port answers only to the school's host names; the management port to any.</summary>
public sealed class HostFilteringTests
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Theory]
    [InlineData("https://webmail.school.test/signin", HttpStatusCode.OK)]
    [InlineData("https://WEBMAIL.school.test/signin", HttpStatusCode.OK)]
    [InlineData("https://mail2.school.test/signin", HttpStatusCode.OK)]
    [InlineData("https://evil.example/signin", HttpStatusCode.BadRequest)]
    [InlineData("https://webmail.school.test.evil.example/signin", HttpStatusCode.BadRequest)]
    public async Task PublicPort_HostHeader_OnlyAllowedHostsServed(string url, HttpStatusCode expected)
    {
        await using var app = WebMailAppFactory.With(new() { ["AllowedHosts"] = "webmail.school.test;mail2.school.test" });
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(url), _timeout);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task ManagementPort_ReachedByAddress_ServedWhateverAllowedHostsSays()
    {
        await using var app = WebMailServerFactory.WithManagementPort(new() { ["AllowedHosts"] = "webmail.school.test" });
        using var management = new HttpClient { BaseAddress = app.ManagementAddress };
        using var publicPort = new HttpClient { BaseAddress = app.BaseAddress };

        Assert.Contains("# TYPE", await management.GetStringAsync("/metrics", _timeout));
        using var byAddress = await publicPort.GetAsync("/signin", _timeout);
        Assert.Equal(HttpStatusCode.BadRequest, byAddress.StatusCode);
    }
}
