using System.Text.Json;
using Microsoft.Playwright;

namespace WebMail.Benchmarks.Speed;

/// <summary>
/// What a page moved over the network, as Chromium's DevTools protocol reports it: each HTTP response as transferred
/// (headers and compressed bodies) and the payload of every WebSocket frame either way (the live circuit), as the
/// page sees it: before permessage-deflate, so more than went over the wire.
/// </summary>
internal sealed class PageTraffic
{
    private readonly Dictionary<string, string> _urls = [];
    private readonly List<(string Url, long Bytes)> _responses = [];
    private readonly List<(double At, string What)> _timeline = [];
    private long _webSocket;

    /// <summary>
    /// What moved when, from the first form post on (the sign-in): each request sent, each response finished with
    /// its size, each WebSocket frame with its size (before compression). For finding where a slow visit's time goes.
    /// </summary>
    public IReadOnlyList<string> Timeline()
    {
        lock (_responses)
        {
            var ordered = _timeline.OrderBy(e => e.At).ToList();
            var start = ordered.FirstOrDefault(e => e.What.StartsWith("POST ", StringComparison.Ordinal)).At;
            return [.. ordered.Where(e => e.At >= start).Select(e => $"{(e.At - start) * 1000,7:F0} ms  {e.What}")];
        }
    }

    /// <summary>Each HTTP response as transferred, and the WebSocket's frames as one line, largest first.</summary>
    public IReadOnlyList<(string Url, long Bytes)> Largest()
    {
        lock (_responses)
        {
            return [.. _responses.Append((Url: "WebSocket frames, both ways", Bytes: Interlocked.Read(ref _webSocket))).OrderByDescending(r => r.Bytes)];
        }
    }

    /// <param name="throttle">Network conditions Chromium applies to the page, or none.</param>
    public static async Task<PageTraffic> WatchAsync(IPage page, NetworkConditions? throttle = null)
    {
        var traffic = new PageTraffic();
        var devTools = await page.Context.NewCDPSessionAsync(page);
        devTools.Event("Network.responseReceived").OnEvent += (_, e) => traffic.Note(e);
        devTools.Event("Network.requestWillBeSent").OnEvent += (_, e) => traffic.Sent(e);
        devTools.Event("Network.loadingFinished").OnEvent += (_, e) => traffic.Finished(e);
        devTools.Event("Network.webSocketFrameReceived").OnEvent += (_, e) => traffic.Frame(e, "received");
        devTools.Event("Network.webSocketFrameSent").OnEvent += (_, e) => traffic.Frame(e, "sent");
        await devTools.SendAsync("Network.enable");
        if (throttle is { } conditions)
        {
            await devTools.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
            {
                ["offline"] = false,
                ["latency"] = conditions.LatencyMs,
                ["downloadThroughput"] = conditions.BytesPerSecond,
                ["uploadThroughput"] = conditions.BytesPerSecond,
            });
        }

        return traffic;
    }

    private void Note(JsonElement? e)
    {
        if (e is { } value && value.GetProperty("response").GetProperty("url").GetString() is { } url)
        {
            lock (_responses)
            {
                _urls[value.GetProperty("requestId").GetString()!] = url;
            }
        }
    }

    private void Sent(JsonElement? e)
    {
        if (e is { } value && value.GetProperty("request") is var request)
        {
            lock (_responses)
            {
                _timeline.Add((Number(e, "timestamp"), $"{request.GetProperty("method").GetString()} {request.GetProperty("url").GetString()}"));
            }
        }
    }

    private void Finished(JsonElement? e)
    {
        var bytes = (long)Number(e, "encodedDataLength");
        lock (_responses)
        {
            var id = e?.GetProperty("requestId").GetString() ?? "";
            var url = _urls.GetValueOrDefault(id, id);
            _responses.Add((url, bytes));
            _timeline.Add((Number(e, "timestamp"), $"  done {bytes:N0} B {url}"));
        }
    }

    private void Frame(JsonElement? e, string direction)
    {
        var bytes = FrameLength(e);
        Interlocked.Add(ref _webSocket, bytes);
        lock (_responses)
        {
            _timeline.Add((Number(e, "timestamp"), $"  WebSocket {direction} {bytes:N0} B"));
        }
    }

    private static double Number(JsonElement? e, string name) =>
        e is { } value && value.TryGetProperty(name, out var n) ? n.GetDouble() : 0;

    // Blazor's circuit sends binary frames, which DevTools gives as base64.
    private static long FrameLength(JsonElement? e)
    {
        if (e is not { } value || !value.TryGetProperty("response", out var response) || !response.TryGetProperty("payloadData", out var payload))
        {
            return 0;
        }

        var text = payload.GetString() ?? "";
        var binary = response.TryGetProperty("opcode", out var opcode) && opcode.GetDouble() == 2;
        return binary ? text.Length * 3 / 4 : System.Text.Encoding.UTF8.GetByteCount(text);
    }
}

/// <summary>A network Chromium emulates: added round-trip latency and throughput each way.</summary>
internal readonly record struct NetworkConditions(double LatencyMs, double BytesPerSecond);
