using WebMail.Server.Mail.Options;

namespace WebMail.Testing;

/// <summary>The OpenLDAP directory scripts/directory.sh runs (port from scripts/mailserver.env), seeded with 10,000 people.</summary>
public static class DemoDirectory
{
    public const string BaseDn = "ou=people,dc=school,dc=test";
    public const string ReaderDn = "cn=webmail,ou=services,dc=school,dc=test";
    public const string ReaderPassword = "directory-demo";

    /// <summary>Everyone: the seeded people and the demo users alice (王爱丽) and bob (李博).</summary>
    public const int People = 10_002;

    public static int Port => int.Parse(DemoMailServer.Settings["WEBMAIL_LDAP_PORT"]);

    public static DirectoryOptions Options(DirectoryBind bind = DirectoryBind.Service, int port = 0) => new()
    {
        Server = new MailEndpointOptions { Host = "127.0.0.1", Port = port > 0 ? port : Port, Security = MailSecurity.None, TimeoutSeconds = 5 },
        BaseDn = BaseDn,
        Bind = bind,
        BindDn = ReaderDn,
        BindPassword = ReaderPassword,
        UserBindDn = "uid={0}," + BaseDn,
    };

    /// <summary>Configuration that gives the demo domain this directory (plain LDAP, allowed because it is on loopback).</summary>
    public static Dictionary<string, string?> AppConfiguration(DirectoryBind bind = DirectoryBind.Service, int port = 0)
    {
        var settings = DemoMailServer.AppConfiguration();
        settings["Mail:AllowUnencryptedLoopback"] = "true";
        settings["Mail:Domains:0:Directory:Server:Host"] = "127.0.0.1";
        settings["Mail:Domains:0:Directory:Server:Port"] = (port > 0 ? port : Port).ToString();
        settings["Mail:Domains:0:Directory:Server:Security"] = "None";
        settings["Mail:Domains:0:Directory:Server:TimeoutSeconds"] = "5";
        settings["Mail:Domains:0:Directory:BaseDn"] = BaseDn;
        settings["Mail:Domains:0:Directory:Bind"] = bind.ToString();
        settings["Mail:Domains:0:Directory:BindDn"] = ReaderDn;
        settings["Mail:Domains:0:Directory:BindPassword"] = ReaderPassword;
        settings["Mail:Domains:0:Directory:UserBindDn"] = "uid={0}," + BaseDn;
        return settings;
    }
}
