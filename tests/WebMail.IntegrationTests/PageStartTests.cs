using System.Text.Json;
using WebMail.Testing;

namespace WebMail.IntegrationTests;

/// <summary>
/// How a page turns live: blazor-start.js starts Blazor without asking the server for JavaScript initializers, which
/// is right only while the server has none to give.
/// </summary>
public sealed class PageStartTests(WebMailAppFactory app) : IClassFixture<WebMailAppFactory>
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task Server_ListsNoJavaScriptInitializers_SoThePageNeedNotAsk()
    {
        using var client = app.CreateClient();

        var initializers = JsonSerializer.Deserialize<string[]>(await client.GetStringAsync("/_blazor/initializers", _timeout));

        // A library that brings one (a *.lib.module.js) needs blazor-start.js to ask again: remove its initializers option.
        Assert.Empty(initializers!);
    }

    [Fact]
    public async Task Page_LoadsBlazorWithoutStartingIt_ThenItsOwnStart()
    {
        using var client = new SignInClient(app);

        var html = await client.GetPageAsync("/signin", _timeout);

        var blazor = html.IndexOf("_framework/blazor.web.", StringComparison.Ordinal);
        Assert.True(blazor > 0);
        Assert.Contains("autostart=\"false\"", html[blazor..html.IndexOf('>', blazor)]);
        Assert.True(html.IndexOf("blazor-start.", StringComparison.Ordinal) > blazor);
    }
}
