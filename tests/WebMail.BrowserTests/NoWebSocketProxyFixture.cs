using WebMail.Testing;

namespace WebMail.BrowserTests;

/// <summary>
/// The webmail behind Debian's nginx configured by docs/nginx/webmail.conf without its WebSocket lines, as a school's
/// proxy might be: every WebSocket handshake is refused, so the live connection has to fall back to another transport (server-sent events or long polling).
/// </summary>
public sealed class NoWebSocketProxyFixture : BrowserFixture
{
    public LocalServerProcess Proxy { get; private set; } = null!;

    public override Uri BaseAddress => new($"http://127.0.0.1:{Proxy.Port}/");

    public override async Task InitializeAsync()
    {
        Proxy = await NginxProxy.StartAsync(passWebSockets: false, App.BaseAddress);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            await (Proxy?.DisposeAsync() ?? ValueTask.CompletedTask);
        }
    }
}
