using System.Text;
using WebMail.Client.Services;
using WebMail.Server.UserData;

namespace WebMail.Server.Mail.Contacts;

/// <summary>The address book as a file to keep or to take to another program (the contacts page's Export): plain downloads, never cached.</summary>
public static class ContactEndpoints
{
    public const string VCardPath = "/contacts/export.vcf";
    public const string CsvPath = "/contacts/export.csv";

    public static IEndpointRouteBuilder MapContactEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(VCardPath, (HttpContext http, CurrentMailbox current, IContactStore store) =>
            ExportAsync(http, current, store, contacts => (Encoding.UTF8.GetBytes(VCardFormat.Write(contacts)), "text/vcard; charset=utf-8", "contacts.vcf")))
            .RequireAuthorization();
        endpoints.MapGet(CsvPath, (HttpContext http, CurrentMailbox current, IContactStore store) =>
            ExportAsync(http, current, store, contacts => (ContactCsv.Write(contacts), "text/csv; charset=utf-8", "contacts.csv")))
            .RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(
        HttpContext http, CurrentMailbox current, IContactStore store, Func<IReadOnlyList<Contact>, (byte[] Content, string Type, string Name)> write)
    {
        IReadOnlyList<Contact> contacts;
        try
        {
            var user = (await current.ForAsync(http.User)).Session.Address;
            contacts = await store.ListAsync(user, http.RequestAborted);
        }
        catch (MailOperationException exception) when (exception.Problem == MailProblem.SessionEnded)
        {
            return Results.Unauthorized();
        }
        catch (MailOperationException)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Contacts unavailable");
        }

        http.Response.Headers.CacheControl = "no-store";
        var (content, type, name) = write([.. contacts.OrderBy(c => c.IsGroup).ThenBy(c => c.Name, StringComparer.Ordinal)]);
        return Results.File(content, type, name);
    }
}
