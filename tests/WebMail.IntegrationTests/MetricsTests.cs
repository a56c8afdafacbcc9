using System.Net;
using System.Text.RegularExpressions;
using WebMail.Testing;
using Xunit.Abstractions;

namespace WebMail.IntegrationTests;

/// <summary>The Prometheus scrape endpoint shows what the webmail did, and nothing about who did it.</summary>
public sealed partial class MetricsTests(ITestOutputHelper output)
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task Scrape_AfterSignInsAndReading_CountsThemWithoutNamingAnyone()
    {
        await using var app = WebMailServerFactory.WithManagementPort(WebMailServerFactory.PlainHttpCookies());
        using var scraper = new HttpClient { BaseAddress = app.ManagementAddress };
        var user = DemoMailServer.NewTestAccount("metrics");
        var ids = await new MailTestClients(output).AppendAsync(user, [TestMessages.Html("counted")], _timeout);
        using (var wrong = new SignInClient(app))
        {
            await wrong.SignInAsync(user, "not-the-password", cancellationToken: _timeout);
        }

        using var client = new SignInClient(app);
        await client.SignInAsync(user, DemoMailServer.TestPassword, cancellationToken: _timeout);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/mail/messages/{ids[0]}/body", _timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/mail/messages/{ids[0]}/body", _timeout)).StatusCode);

        // The exporter caches a scrape for a moment; wait until this one includes the work above. The signed-in count
        // is observed at the scrape, and other test classes' apps in this test process publish the same meter name
        // (OpenTelemetry takes instruments by name): a scrape may show another instance's count, so wait for this
        // one's too. (One app per process in production.)
        string metrics;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            await Task.Delay(400, _timeout);
            metrics = await scraper.GetStringAsync("/metrics", _timeout);
        }
        while (!(metrics.Contains("result=\"hit\"", StringComparison.Ordinal) && SignedInCounted().IsMatch(metrics)) && DateTime.UtcNow < deadline);

        Assert.Contains("webmail_signins_total{", metrics);
        Assert.Matches("webmail_signins_total\\{[^}]*outcome=\"ok\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("webmail_signins_total\\{[^}]*outcome=\"AuthenticationFailed\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("webmail_cache_lookups_total\\{[^}]*result=\"miss\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("webmail_cache_lookups_total\\{[^}]*result=\"hit\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("webmail_mail_server_duration_seconds_count\\{[^}]*protocol=\"imap\"", metrics);
        // Sign-in goes through the same path as reading, told apart by purpose.
        Assert.Matches("webmail_mail_server_duration_seconds_count\\{(?=[^}]*outcome=\"AuthenticationFailed\")(?=[^}]*purpose=\"signin\")", metrics);
        Assert.Matches("webmail_mail_server_duration_seconds_count\\{(?=[^}]*outcome=\"ok\")(?=[^}]*purpose=\"read\")", metrics);
        Assert.Matches(SignedInCounted(), metrics);
        Assert.Contains("webmail_cache_bytes", metrics);
        Assert.Contains("http_server_request_duration_seconds", metrics);
        Assert.DoesNotContain(user, metrics);
        Assert.DoesNotContain("school.test", metrics);
        Assert.DoesNotContain(DemoMailServer.TestPassword, metrics);
    }

    [GeneratedRegex("webmail_sessions_active(\\{[^}]*\\})? [1-9]")]
    private static partial Regex SignedInCounted();
}
