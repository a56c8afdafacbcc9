using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using WebMail.Client.Services;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Auth;

public static class AccountEndpoints
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/account/signout";
    public const string SettingsExportPath = "/account/settings";

    /// <summary>
    /// Sign-out is a plain form POST with an antiforgery token, outside Blazor's circuit, because only an HTTP
    /// response can delete the cookie. It ends the session: password dropped, connections closed, cache emptied.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignOutPath, async (HttpContext http, IAntiforgery antiforgery, UserSessionStore sessions) =>
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.BadRequest();
            }

            if (http.User.FindFirst(SessionClaims.SessionId)?.Value is { } sessionId)
            {
                await sessions.EndAsync(sessionId, "signed out");
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(SignInPath + "?signedOut=true");
        });
        endpoints.MapGet(SettingsExportPath, ExportSettingsAsync).RequireAuthorization();
        return endpoints;
    }

    /// <summary>
    /// The user's settings as a JSON file to keep (the settings page's Export): a plain download, so it is an HTTP
    /// endpoint; never cached, never the password.
    /// </summary>
    private static async Task<IResult> ExportSettingsAsync(HttpContext http, Mail.CurrentMailbox current, UserData.IUserSettingsStore store)
    {
        string address;
        UserSettings settings;
        try
        {
            address = (await current.ForAsync(http.User)).Session.Address;
            settings = await store.FindAsync(address, http.RequestAborted) ?? UserSettings.Defaults;
        }
        catch (MailOperationException exception) when (exception.Problem == MailProblem.SessionEnded)
        {
            return Results.Unauthorized();
        }
        catch (MailOperationException)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Settings unavailable");
        }

        http.Response.Headers.CacheControl = "no-store";
        var export = new SettingsExport(address, DateTimeOffset.UtcNow, settings);
        return Results.File(
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(export, ExportJson), "application/json", "webmail-settings.json");
    }

    private static readonly System.Text.Json.JsonSerializerOptions ExportJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese as characters in the file
    };

    /// <summary>What the export file holds.</summary>
    private sealed record SettingsExport(string Address, DateTimeOffset ExportedAt, UserSettings Settings);
}
