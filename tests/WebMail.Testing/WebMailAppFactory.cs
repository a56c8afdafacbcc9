using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebMail.Testing;

/// <summary>Hosts the real app in-process, pointed at the demo mail server, capturing every log line.</summary>
public class WebMailAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = DemoMailServer.AppConfiguration();

    /// <summary>
    /// This app's own outbox folder (held messages during the undo delay): apps of other tests in the process must not
    /// send its messages as a restarted instance would. A test that restarts an instance passes the same folder again.
    /// </summary>
    public string OutboxFolder => _settings["Compose:OutboxFolder"]!;

    static WebMailAppFactory()
    {
        // Where the app's content lives, for hosts (such as the benchmarks) that are not test projects of it.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_WEBMAIL_SERVER", Path.Combine(RepositoryPaths.Root, "src", "WebMail.Server"));
    }

    public WebMailAppFactory()
        : this(null)
    {
    }

    /// <param name="settings">Configuration added to (or overriding) the demo server's, e.g. a short idle timeout.</param>
    protected WebMailAppFactory(IReadOnlyDictionary<string, string?>? settings)
    {
        _settings["Compose:OutboxFolder"] = Path.Combine(Path.GetTempPath(), "webmail-test-outbox-" + Guid.NewGuid().ToString("N"));
        // Settings in an SQLite file of this app's own (a test that shares them between instances passes one folder).
        _settings["UserData:Folder"] = Path.Combine(Path.GetTempPath(), "webmail-test-userdata-" + Guid.NewGuid().ToString("N"));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        // Clients of the in-memory server ask for https, as the school's users do: the session cookie is Secure
        // (and __Host-), and the cookie container sends such cookies only over https.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    /// <summary>An app with <paramref name="settings"/> on top of the demo server's configuration.</summary>
    public static WebMailAppFactory With(Dictionary<string, string?> settings) => new(settings);

    public CapturedLogs Logs { get; } = new();

    /// <summary>A signed-in session's mail layer for <paramref name="user"/>, without going through the sign-in page.</summary>
    public WebMail.Server.Mail.Sessions.SessionMailbox MailFor(string user, WebMail.Client.Services.ReadingProtocol protocol)
    {
        var session = Services.GetRequiredService<WebMail.Server.Mail.Sessions.UserSessionStore>()
            .CreateAsync(user, DemoMailServer.Domain, protocol, DemoMailServer.TestPassword)
            .GetAwaiter().GetResult(); // the in-process session store completes at once
        return Services.GetRequiredService<WebMail.Server.Mail.Sessions.SessionMailboxes>().For(session);
    }

    /// <summary>The mailbox service a circuit of a new signed-in session of <paramref name="user"/> gets.</summary>
    public WebMail.Client.Services.IMailboxService MailboxServiceFor(string user, WebMail.Client.Services.ReadingProtocol protocol)
    {
        var session = Services.GetRequiredService<WebMail.Server.Mail.Sessions.UserSessionStore>()
            .CreateAsync(user, DemoMailServer.Domain, protocol, DemoMailServer.TestPassword)
            .GetAwaiter().GetResult();
        return Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<WebMail.Server.Mail.MailboxService>(Services, new SignedInState(session));
    }

    /// <summary>The suggestions a circuit of a new signed-in session of <paramref name="user"/> gets (the compose form's To, Cc and Bcc).</summary>
    public WebMail.Server.Mail.Contacts.AddressBookService AddressBookFor(string user, string? password = null)
    {
        var session = Services.GetRequiredService<WebMail.Server.Mail.Sessions.UserSessionStore>()
            .CreateAsync(user, DemoMailServer.Domain, WebMail.Client.Services.ReadingProtocol.Imap, password ?? DemoMailServer.TestPassword)
            .GetAwaiter().GetResult();
        Services.GetRequiredService<WebMail.Server.Mail.Sessions.SessionMailboxes>().For(session);
        return Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<WebMail.Server.Mail.Contacts.AddressBookService>(Services, new SignedInState(session));
    }

    /// <summary>The mail layer of the one session <paramref name="user"/> signed in with (through the sign-in form).</summary>
    public WebMail.Server.Mail.Sessions.SessionMailbox MailOfSignedIn(string user) =>
        Services.GetRequiredService<WebMail.Server.Mail.Sessions.SessionMailboxes>()
            .For(Services.GetRequiredService<WebMail.Server.Mail.Sessions.UserSessionStore>().ForAddress(user).Single());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Outside Development the host only finds Blazor's and the Razor class library's files when told to
        // read the build's static web assets manifest (a published app has them in wwwroot instead).
        builder.UseStaticWebAssets();
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }
}
