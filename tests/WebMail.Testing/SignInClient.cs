using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WebMail.Testing;

/// <summary>A browser-like HTTP client (cookies, no automatic redirects) that signs in through the real form.</summary>
public sealed partial class SignInClient : IDisposable
{
    private readonly List<string> _responses = [];

    public SignInClient(WebApplicationFactory<Program> app) =>
        Http = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = app.ClientOptions.BaseAddress,
        });

    public HttpClient Http { get; }

    /// <summary>Every response body and header this client received, for tests that search them for secrets.</summary>
    public IReadOnlyList<string> Responses => _responses;

    public async Task<HttpResponseMessage> SignInAsync(string userName, string password, string reading = "", CancellationToken cancellationToken = default)
    {
        var form = await GetFormFieldsAsync("/signin", "signin", cancellationToken);
        form["Input.UserName"] = userName;
        form["Input.Password"] = password;
        form["Input.Reading"] = reading;
        return await PostAsync("/signin", form, cancellationToken);
    }

    public async Task<HttpResponseMessage> SignOutAsync(CancellationToken cancellationToken = default)
    {
        var form = await GetFormFieldsAsync("/", "signout", cancellationToken);
        return await PostAsync("/account/signout", form, cancellationToken);
    }

    public async Task<HttpResponseMessage> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        var response = await Http.GetAsync(path, cancellationToken);
        await RecordAsync(response, cancellationToken);
        return response;
    }

    public async Task<string> GetPageAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await GetAsync(path, cancellationToken);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    public async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> form, CancellationToken cancellationToken = default)
    {
        var response = await Http.PostAsync(path, new FormUrlEncodedContent(form), cancellationToken);
        await RecordAsync(response, cancellationToken);
        return response;
    }

    /// <summary>The hidden fields (antiforgery token, form handler) of the page's form whose markup mentions <paramref name="formMarker"/>.</summary>
    public async Task<Dictionary<string, string>> GetFormFieldsAsync(string path, string formMarker, CancellationToken cancellationToken = default)
    {
        var html = await GetPageAsync(path, cancellationToken);
        return HiddenFields(html, formMarker);
    }

    /// <summary>The hidden fields of the form in <paramref name="html"/> (HTML-decoded) whose markup mentions <paramref name="formMarker"/>.</summary>
    public static Dictionary<string, string> HiddenFields(string html, string formMarker)
    {
        var form = Form().Matches(html).Select(m => m.Value).First(f => f.Contains(formMarker, StringComparison.Ordinal));
        return HiddenInput().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
    }

    public void Dispose() => Http.Dispose();

    /// <summary>Whether <see cref="Responses"/> keeps what was received (off for load and memory measurements).</summary>
    public bool Record { get; init; } = true;

    private async Task RecordAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!Record)
        {
            return;
        }

        _responses.Add(response.Headers + "\n" + response.Content.Headers + "\n" + await response.Content.ReadAsStringAsync(cancellationToken));
    }

    [GeneratedRegex("<form .*?</form>", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)" ?/?>""")]
    private static partial Regex HiddenInput();
}
