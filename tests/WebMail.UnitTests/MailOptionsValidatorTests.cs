using WebMail.Client.Services;
using WebMail.Server.Mail.Options;

namespace WebMail.UnitTests;

public sealed class MailOptionsValidatorTests
{
    private readonly MailOptionsValidator _validator = new();

    [Fact]
    public void Validate_CompleteDomain_Succeeds()
    {
        var result = _validator.Validate(null, Options(Domain()));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_AliasThatIsNotAnAddress_FailsNamingIt()
    {
        var domain = Domain();
        domain.Aliases["2023001"] = ["zhang.wei@school.test", "张伟 <x@school.test>", "nobody"];

        var result = _validator.Validate(null, Options(domain));

        Assert.Contains("'张伟 <x@school.test>' is not an address", result.FailureMessage);
        Assert.Contains("'nobody' is not an address", result.FailureMessage);
        Assert.DoesNotContain("zhang.wei", result.FailureMessage);
    }

    [Fact]
    public void SenderAddressesOf_ListedUser_OwnAddressFirstThenTheirAliases_OthersOnlyTheirOwn()
    {
        var domain = Domain();
        domain.Aliases["2023001"] = ["zhang.wei@school.test", "2023001@school.test"];

        Assert.Equal(["2023001@school.test", "zhang.wei@school.test"], domain.SenderAddressesOf("2023001@school.test"));
        Assert.Equal(["2023002@school.test"], domain.SenderAddressesOf("2023002@school.test"));
    }

    [Fact]
    public void Validate_Directory_EndpointBaseAndBindChecked_NoClearTextAwayFromLoopback()
    {
        var domain = Domain();
        domain.Directory = new DirectoryOptions
        {
            Server = new MailEndpointOptions { Host = "ldap.school.edu.cn", Port = 389, Security = MailSecurity.None },
            Bind = DirectoryBind.Service,
            ReadTimeoutSeconds = 0,
        };

        var result = _validator.Validate(null, Options(domain));

        Assert.Contains("Directory: Security None sends passwords in clear text", result.FailureMessage);
        Assert.Contains("Directory: BaseDn is empty", result.FailureMessage);
        Assert.Contains("Directory: Bind Service needs BindDn and BindPassword", result.FailureMessage);
        Assert.Contains("Directory: ReadTimeoutSeconds (1–3600)", result.FailureMessage);

        domain.Directory = new DirectoryOptions
        {
            Server = new MailEndpointOptions { Host = "ldap.school.edu.cn", Port = 636, Security = MailSecurity.Tls },
            BaseDn = "ou=people,dc=school,dc=edu,dc=cn",
            Bind = DirectoryBind.User,
            UserBindDn = "uid=someone,ou=people,dc=school,dc=edu,dc=cn",
        };
        Assert.Contains("Bind User needs UserBindDn with {0}", _validator.Validate(null, Options(domain)).FailureMessage);
        domain.Directory.UserBindDn = "uid={0},ou=people,dc=school,dc=edu,dc=cn";
        Assert.True(_validator.Validate(null, Options(domain)).Succeeded);
    }

    [Fact]
    public void Validate_ManageSieveEndpointAndFiltersPage_CheckedLikeTheOthers()
    {
        var domain = Domain();
        domain.ManageSieve = new MailEndpointOptions { Host = "", Port = 4190, Security = MailSecurity.StartTls };
        domain.FiltersPageUrl = "javascript:alert(1)";

        var result = _validator.Validate(null, Options(domain));

        Assert.Contains("ManageSieve: Host is empty", result.FailureMessage);
        Assert.Contains("FiltersPageUrl 'javascript:alert(1)' is not an http(s) address", result.FailureMessage);
        domain.ManageSieve.Host = "mail.school.test";
        domain.FiltersPageUrl = "https://mail.school.test/settings/filters";
        Assert.True(_validator.Validate(null, Options(domain)).Succeeded);
    }

    [Fact]
    public void Validate_NoDomains_FailsPointingToTheReadme()
    {
        var result = _validator.Validate(null, new MailOptions());

        Assert.True(result.Failed);
        Assert.Contains("Mail:Domains is empty", result.FailureMessage);
    }

    [Fact]
    public void Validate_NoReadingProtocol_Fails()
    {
        var domain = Domain();
        domain.Imap = null;
        domain.Pop3 = null;

        var result = _validator.Validate(null, Options(domain));

        Assert.Contains("needs Imap or Pop3", result.FailureMessage);
    }

    [Fact]
    public void Validate_DefaultReadingProtocolNotConfigured_Fails()
    {
        var domain = Domain();
        domain.Pop3 = null;
        domain.DefaultReadingProtocol = ReadingProtocol.Pop3;

        var result = _validator.Validate(null, Options(domain));

        Assert.Contains("DefaultReadingProtocol is Pop3", result.FailureMessage);
    }

    [Theory]
    [InlineData("127.0.0.1", true, true)]
    [InlineData("localhost", true, true)]
    [InlineData("127.0.0.1", false, false)]
    [InlineData("mail.school.edu.cn", true, false)]
    public void Validate_UnencryptedEndpoint_OnlyForLoopbackWhenAllowed(string host, bool allowLoopback, bool valid)
    {
        var domain = Domain();
        domain.Smtp = new MailEndpointOptions { Host = host, Port = 25, Security = MailSecurity.None };
        var options = Options(domain);
        options.AllowUnencryptedLoopback = allowLoopback;

        var result = _validator.Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(70000)]
    public void Validate_PortOutOfRange_Fails(int port)
    {
        var domain = Domain();
        domain.Imap!.Port = port;

        Assert.Contains($"Port {port}", _validator.Validate(null, Options(domain)).FailureMessage);
    }

    [Fact]
    public void Validate_MissingTrustedCertificateFile_Fails()
    {
        var domain = Domain();
        domain.TrustedCertificateFile = "/nonexistent/ca.pem";

        Assert.Contains("does not exist", _validator.Validate(null, Options(domain)).FailureMessage);
    }

    [Fact]
    public void Validate_UnknownDefaultDomain_Fails()
    {
        var options = Options(Domain());
        options.DefaultDomain = "other.edu";

        Assert.Contains("'other.edu' is not one of", _validator.Validate(null, options).FailureMessage);
    }

    private static MailOptions Options(MailDomainOptions domain) => new() { Domains = [domain] };

    private static MailDomainOptions Domain() => new()
    {
        Name = "school.edu.cn",
        Imap = new MailEndpointOptions { Host = "mail.school.edu.cn", Port = 993 },
        Pop3 = new MailEndpointOptions { Host = "mail.school.edu.cn", Port = 995 },
        Smtp = new MailEndpointOptions { Host = "mail.school.edu.cn", Port = 587, Security = MailSecurity.StartTls },
    };
}
