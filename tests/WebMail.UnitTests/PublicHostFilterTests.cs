using Microsoft.Extensions.Configuration;
using WebMail.Server.Hosting;

namespace WebMail.UnitTests;

public sealed class PublicHostFilterTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("*", null)]
    [InlineData("mail.school.edu.cn", "mail.school.edu.cn")]
    [InlineData("*.school.edu.cn; webmail.school.edu.cn", "webmail.school.edu.cn")]
    public void ConcreteHost_AllowedHosts_TheFirstNameTheProbeCanAsk(string? allowedHosts, string? expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AllowedHosts"] = allowedHosts }).Build();

        Assert.Equal(expected, PublicHostFilter.ConcreteHost(configuration));
    }
}
