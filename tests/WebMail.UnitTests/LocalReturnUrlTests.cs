using WebMail.Client.Services;

namespace WebMail.UnitTests;

public sealed class LocalReturnUrlTests
{
    [Theory]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("/status?x=1", "/status?x=1")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/ok\n//evil", "/")]
    public void Sanitize_ReturnUrl_OnlyLocalPathsSurvive(string? returnUrl, string expected) =>
        Assert.Equal(expected, LocalReturnUrl.Sanitize(returnUrl));
}
