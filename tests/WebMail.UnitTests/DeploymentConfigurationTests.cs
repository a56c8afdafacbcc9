using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using WebMail.Server.Auth;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Sessions;
using WebMail.Server.Mail.Smtp;
using WebMail.Testing;

namespace WebMail.UnitTests;

/// <summary>The deployment example must use the app's real configuration keys, or a school copies a broken setup.</summary>
public sealed partial class DeploymentConfigurationTests
{
    [Fact]
    public void DockerCompose_MailSettings_BindToMailOptionsWithoutUnknownKeys()
    {
        var compose = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"));
        var settings = EnvironmentSetting().Matches(compose)
            .ToDictionary(m => m.Groups["key"].Value.Replace("__", ":", StringComparison.Ordinal), m => (string?)m.Groups["value"].Value);
        Assert.NotEmpty(settings);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = configuration.GetSection(MailOptions.SectionName).Get<MailOptions>(o => o.ErrorOnUnknownConfiguration = true);
        var sessions = configuration.GetSection(UserSessionOptions.SectionName).Get<UserSessionOptions>(o => o.ErrorOnUnknownConfiguration = true);
        var signIn = configuration.GetSection(SignInThrottleOptions.SectionName).Get<SignInThrottleOptions>(o => o.ErrorOnUnknownConfiguration = true);
        var composeOptions = configuration.GetSection(ComposeOptions.SectionName).Get<ComposeOptions>(o => o.ErrorOnUnknownConfiguration = true);
        var otherSections = settings.Keys.Select(k => k.Split(':')[0]).Distinct()
            .Except([MailOptions.SectionName, UserSessionOptions.SectionName, SignInThrottleOptions.SectionName, ComposeOptions.SectionName]);

        var domain = Assert.Single(options!.Domains);
        Assert.Equal("school.edu.cn", options.DefaultDomainName);
        Assert.Equal(993, domain.Imap!.Port);
        Assert.Equal(MailSecurity.StartTls, domain.Smtp!.Security);
        Assert.Equal(TimeSpan.FromMinutes(30), sessions!.IdleTimeout);
        Assert.Equal(5, signIn!.MaxFailuresPerAccount);
        Assert.NotNull(composeOptions!.OutboxFolder);
        // Keys read directly by the host (Hosting/AuthenticationRegistration.cs, Hosting/ForwardedHeadersRegistration.cs,
        // UserData/UserDataRegistration.cs).
        Assert.Equal(["DataProtection", "ForwardedHeaders", "UserData"], otherSections.Order());
        Assert.NotNull(configuration[WebMail.Server.UserData.UserDataRegistration.FolderKey]);
        Assert.NotNull(configuration["DataProtection:KeysFolder"]);
        Assert.NotNull(configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>());
    }

    [Fact]
    public void Dockerfile_RunsAsNonRootWithHealthCheck()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Dockerfile"));

        Assert.Contains("USER $APP_UID", dockerfile);
        Assert.Contains("--healthcheck", dockerfile);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0", dockerfile);
    }

    [GeneratedRegex("""^\s+(?<key>(?!ASPNETCORE_)[A-Z][A-Za-z]+__[A-Za-z0-9_]+):\s*"?(?<value>[^"\r\n]*)"?\s*$""", RegexOptions.Multiline)]
    private static partial Regex EnvironmentSetting();
}
