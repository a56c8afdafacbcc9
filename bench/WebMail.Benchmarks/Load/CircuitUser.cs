using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Client.Shared;
using WebMail.Testing;

namespace WebMail.Benchmarks.Load;

/// <summary>
/// One student without a browser: signs in through the real form over HTTP, then opens the page's live circuit
/// and speaks Blazor Server's own protocol on it, as blazor.web.js does (StartCircuit, UpdateRootComponents,
/// OnLocationChanged for a followed link, OnRenderCompleted for every render batch, an answer to every JS call).
/// An action is timed from sending the navigation to the render batch that shows its result. Nothing is drawn, so
/// a few hundred of these cost the machine little next to the server they load.
/// </summary>
internal sealed partial class CircuitUser : ILoadUser, IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly HubConnection _hub;
    private readonly Uri _server;
    private readonly Lock _lock = new();
    private Dictionary<string, string> _signOutForm = [];
    private string _circuitId = "";
    private List<string> _rowLinks = [];
    private int _rowsToCome;
    private (Func<List<string>, bool> Done, TaskCompletionSource<double> Shown, long Started)? _waiting;

    private CircuitUser(Uri server, CookieContainer cookies, HttpClient http)
    {
        _server = server;
        _http = http;
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "_blazor"), HttpTransportType.WebSockets, options => options.Cookies = cookies);
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        _hub = builder.Build();
        _hub.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        // .NET 10 sends six arguments: call id, function, JSON arguments, result kind, target object, call kind.
        _hub.On<long, string, string, int, long, int>("JS.BeginInvokeJS", (call, _, _, _, _, _) =>

            // Every JS call succeeds with no value (focus, scrolling: nothing to do without a screen).
            call == 0 ? Task.CompletedTask : _hub.SendAsync("EndInvokeJSFromDotNet", call, true, $"[{call},true,null]"));
        _hub.On<long>("JS.EndUpdateRootComponents", _ => { });
        _hub.On<int, string>("JS.AttachComponent", (_, _) => { }); // Older hosting model's message: nothing to attach here.
        _hub.On<string>("JS.Error", error => Fail(new InvalidOperationException("circuit error: " + error)));
        _hub.Closed += exception =>
        {
            Fail(new InvalidOperationException("circuit closed", exception));
            return Task.CompletedTask;
        };
    }

    public static async Task<ILoadUser> SignInAsync(Uri server, string address, string password, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = server,
            Timeout = ILoadUser.ActionTimeout,
        };
        var form = SignInClient.HiddenFields(WebUtility.HtmlDecode(await http.GetStringAsync("signin", cancellationToken)), "signin");
        form["Input.UserName"] = address;
        form["Input.Password"] = password;
        form["Input.Reading"] = nameof(ReadingProtocol.Imap);
        using (var signedIn = await http.PostAsync("signin", new FormUrlEncodedContent(form), cancellationToken))
        {
            if (signedIn.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"sign-in answered {(int)signedIn.StatusCode}");
            }
        }

        var user = new CircuitUser(server, cookies, http);
        await user.StartCircuitAsync(await http.GetStringAsync("", cancellationToken), cancellationToken);
        return user;
    }

    public async Task<ActionTiming> OpenMessageAsync(int index) => new(await OpenAsync(index), null, null);

    public async Task<ActionTiming> TurnPageAsync(bool older, int firstOfPage) => new(await ShowPageAsync(firstOfPage / 50 + 1), null, null);

    public Task SignOutAsync() => SignOutAsync(CancellationToken.None);

    /// <summary>Opens the <paramref name="index"/>th message of the page shown; milliseconds until it is shown.</summary>
    private Task<double> OpenAsync(int index)
    {
        var link = _rowLinks[index];
        var id = Uri.UnescapeDataString(OpenParameter().Match(link).Groups["id"].Value);
        // The reading pane's Reply link appears once the message is shown (not while it loads).
        var reply = $"compose?reply={Uri.EscapeDataString(id)}";
        return NavigateAsync(link, strings => strings.Contains(reply));
    }

    /// <summary>Goes to page <paramref name="pageNumber"/> of the inbox; milliseconds until its range ("51–100 of …") is shown.</summary>
    private Task<double> ShowPageAsync(int pageNumber)
    {
        var range = $"{(pageNumber - 1) * 50 + 1}–";
        return NavigateAsync(MailboxLink.For(new MessageQuery(PageIndex: pageNumber - 1)), strings => strings.Any(s => s.StartsWith(range, StringComparison.Ordinal)));
    }

    public async Task SignOutAsync(CancellationToken cancellationToken)
    {
        using (await _http.PostAsync("account/signout", new FormUrlEncodedContent(_signOutForm), cancellationToken))
        {
        }

        // What a closing page sends (navigator.sendBeacon): the server disposes the circuit now, not minutes later.
        using (await _http.PostAsync("_blazor/disconnect", new FormUrlEncodedContent(new Dictionary<string, string> { ["circuitId"] = _circuitId }), cancellationToken))
        {
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _http.Dispose();
    }

    private async Task StartCircuitAsync(string page, CancellationToken cancellationToken)
    {
        _signOutForm = SignInClient.HiddenFields(WebUtility.HtmlDecode(page), "signout");
        // Every interactive root of the page (the head's outlet, the routes), as blazor.web.js adds them.
        var markers = ComponentMarker().Matches(page).Select(m => m.Groups["json"].Value).Where(json => json.Contains("\"descriptor\"", StringComparison.Ordinal)).ToList();
        var state = ComponentState().Match(page) is { Success: true } found ? found.Groups["state"].Value : "";
        var listed = Expect(strings => strings.Any(s => s.StartsWith("1–", StringComparison.Ordinal)));
        await _hub.StartAsync(cancellationToken);
        _circuitId = await _hub.InvokeAsync<string>("StartCircuit", _server.ToString(), _server.ToString(), "[]", state, cancellationToken)
            ?? throw new InvalidOperationException("the server did not start a circuit");
        var operations = $$"""{"batchId":1,"operations":[{{string.Join(",", markers.Select((marker, i) => $$"""{"type":"add","ssrComponentId":{{i + 1}},"marker":{{marker}}}"""))}}]}""";
        await _hub.SendAsync("UpdateRootComponents", operations, state, cancellationToken);
        await listed;
    }

    private async Task<double> NavigateAsync(string link, Func<List<string>, bool> done)
    {
        var shown = Expect(done);
        await _hub.SendAsync("OnLocationChanged", new Uri(_server, link).ToString(), null, true);
        return await shown;
    }

    private Task<double> Expect(Func<List<string>, bool> done)
    {
        var shown = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waiting = (done, shown, Stopwatch.GetTimestamp());
        }

        return shown.Task.WaitAsync(ILoadUser.ActionTimeout);
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] batch)
    {
        var strings = RenderBatchStrings.Read(batch);
        lock (_lock)
        {
            // A batch that lists a page carries its rows' links, newest first, and the range it shows ("1–50 of
            // 10000"); a list drawn for the first time draws a screenful, and the batches after it a screenful each
            // until the range's rows are there (FirstScreenRows).
            var links = strings.Where(s => OpenParameter().IsMatch(s)).ToList();
            if (strings.Select(s => RangeText().Match(s)).FirstOrDefault(m => m.Success) is { } range)
            {
                _rowLinks = links;
                var rowsOnPage = int.Parse(range.Groups["last"].Value) - int.Parse(range.Groups["first"].Value) + 1;
                _rowsToCome = rowsOnPage - links.Count;
            }
            else if (_rowsToCome > 0 && links.Count > 0)
            {
                _rowLinks = [.. _rowLinks, .. links];
                _rowsToCome -= links.Count;
            }

            if (_waiting is { } waiting && waiting.Done(strings))
            {
                _waiting = null;
                waiting.Shown.TrySetResult(Stopwatch.GetElapsedTime(waiting.Started).TotalMilliseconds);
            }
        }

        await _hub.SendAsync("OnRenderCompleted", batchId, null);
    }

    private void Fail(Exception exception)
    {
        lock (_lock)
        {
            _waiting?.Shown.TrySetException(exception);
            _waiting = null;
        }
    }

    [GeneratedRegex("""<!--Blazor:(?<json>\{.*?\})-->""")]
    private static partial Regex ComponentMarker();

    [GeneratedRegex("""<!--Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)-->""")]
    private static partial Regex ComponentState();

    [GeneratedRegex("""^(?<first>\d+)–(?<last>\d+)\D""")]
    private static partial Regex RangeText();

    // The list's links are relative ("./?page=2&open=…").
    [GeneratedRegex("""^(?:\./)?\?(?:[^&]*&)*open=(?<id>[^&]+)""")]
    private static partial Regex OpenParameter();
}
