using System.DirectoryServices.Protocols;
using System.Net;
using System.Text;
using WebMail.Server.Mail.Options;

namespace WebMail.Server.Mail.Ldap;

/// <summary>
/// Reading people from an LDAP server (OpenLDAP, Active Directory) over one connection: bind, then a paged search
/// (RFC 2696) bounded in count and time. System.DirectoryServices.Protocols calls libldap, which blocks, so each
/// call runs on the thread pool, and cancelling it disposes the connection, which ends the blocked call.
/// </summary>
public static class LdapDirectory
{
    private const int PageSize = 500;

    /// <summary>Everyone the person filter finds, up to <paramref name="max"/>, in pages.</summary>
    public static Task<IReadOnlyList<DirectoryPerson>> ReadAllAsync(DirectoryOptions options, NetworkCredential credential, int max, CancellationToken cancellationToken) =>
        RunAsync(options, credential, connection => Search(connection, options, options.PersonFilter, max), cancellationToken);

    /// <summary>People whose name, address or number begins with <paramref name="typed"/>, up to <paramref name="max"/>.</summary>
    public static Task<IReadOnlyList<DirectoryPerson>> SearchAsync(DirectoryOptions options, NetworkCredential credential, string typed, int max, CancellationToken cancellationToken)
    {
        var value = Escape(typed.Trim());
        var filter = $"(&{options.PersonFilter}(|({options.NameAttribute}={value}*)(cn={value}*)({options.MailAttribute}={value}*)({options.NumberAttribute}={value}*)))";
        return RunAsync(options, credential, connection => Search(connection, options, filter, max), cancellationToken);
    }

    /// <summary>A value in a search filter, its special characters escaped (RFC 4515 3), so typing "*)(" finds nothing odd.</summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            escaped.Append(c switch
            {
                '\\' => @"\5c",
                '*' => @"\2a",
                '(' => @"\28",
                ')' => @"\29",
                '\0' => @"\00",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static async Task<IReadOnlyList<DirectoryPerson>> RunAsync(
        DirectoryOptions options, NetworkCredential credential, Func<LdapConnection, IReadOnlyList<DirectoryPerson>> work, CancellationToken cancellationToken)
    {
        var server = options.Server;
        var connection = new LdapConnection(new LdapDirectoryIdentifier(server.Host, server.Port, fullyQualifiedDnsHostName: false, connectionless: false))
        {
            AuthType = AuthType.Basic,
            Timeout = server.Timeout,
        };
        using var _ = connection;
        await using var cancel = cancellationToken.Register(connection.Dispose);
        return await Task.Run(() =>
        {
            connection.SessionOptions.ProtocolVersion = 3;
            connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
            if (server.Security == MailSecurity.Tls)
            {
                connection.SessionOptions.SecureSocketLayer = true;
            }
            else if (server.Security == MailSecurity.StartTls)
            {
                connection.SessionOptions.StartTransportLayerSecurity(null);
            }

            connection.Bind(credential);
            return work(connection);
        }, cancellationToken);
    }

    private static List<DirectoryPerson> Search(LdapConnection connection, DirectoryOptions options, string filter, int max)
    {
        string[] attributes = [options.NameAttribute, "cn", options.MailAttribute, options.DetailAttribute, options.NumberAttribute];
        var request = new SearchRequest(options.BaseDn, filter, SearchScope.Subtree, attributes) { SizeLimit = max, TimeLimit = options.Server.Timeout };
        var paging = new PageResultRequestControl(Math.Min(PageSize, max));
        request.Controls.Add(paging);
        var people = new List<DirectoryPerson>();
        while (true)
        {
            SearchResponse response;
            try
            {
                response = (SearchResponse)connection.SendRequest(request, options.Server.Timeout);
            }
            catch (DirectoryOperationException exception) when (exception.Response is SearchResponse { ResultCode: ResultCode.SizeLimitExceeded } partial)
            {
                response = partial; // as many as asked for: that is the bound working
            }

            foreach (SearchResultEntry entry in response.Entries)
            {
                if (Read(entry, options) is { } person && people.Count < max)
                {
                    people.Add(person);
                }
            }

            var next = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault();
            if (next is null || next.Cookie.Length == 0 || people.Count >= max || response.ResultCode == ResultCode.SizeLimitExceeded)
            {
                return people;
            }

            paging.Cookie = next.Cookie;
        }
    }

    private static DirectoryPerson? Read(SearchResultEntry entry, DirectoryOptions options)
    {
        var address = First(entry, options.MailAttribute);
        if (!address.Contains('@'))
        {
            return null;
        }

        var name = First(entry, options.NameAttribute) is { Length: > 0 } display ? display : First(entry, "cn");
        return new DirectoryPerson(name, address, First(entry, options.DetailAttribute), First(entry, options.NumberAttribute));
    }

    private static string First(SearchResultEntry entry, string attribute) =>
        entry.Attributes.Contains(attribute) && entry.Attributes[attribute].GetValues(typeof(string)) is [string value, ..] ? value.Trim() : "";
}
