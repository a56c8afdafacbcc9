using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Server.Mail.Sessions;
using WebMail.Testing;

namespace WebMail.IntegrationTests;

/// <summary>A student sees where they are signed in and can sign every other device out (one instance).</summary>
public sealed class SignedInDevicesTests(WebMailAppFactory app) : IClassFixture<WebMailAppFactory>
{
    public const string LabComputer = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    public const string Phone = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.47";
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task TwoDevices_ListedWithDevice_AndSignOutEverywhereElseEndsTheOther()
    {
        var user = DemoMailServer.NewTestAccount("devices");
        using var lab = await SignedInAsync(user, LabComputer);
        using var phone = await SignedInAsync(user, Phone);
        var store = app.Services.GetRequiredService<UserSessionStore>();
        var onPhone = store.ForAddress(user).Single(s => s.Device.StartsWith("WeChat", StringComparison.Ordinal));

        var listed = await store.ListForAsync(onPhone, _timeout);

        Assert.Equal(["WeChat · Android", "Chrome · Windows"], listed.Select(s => s.Device));
        Assert.True(listed[0].IsCurrent);
        Assert.DoesNotContain(listed, s => s.Key.Contains(onPhone.Id, StringComparison.Ordinal));

        Assert.Equal(1, await store.EndOthersAsync(onPhone, _timeout));

        using var labPage = await lab.GetAsync("/", _timeout);
        Assert.Equal(HttpStatusCode.Redirect, labPage.StatusCode);
        Assert.Equal("/signin", labPage.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/", _timeout)).StatusCode);
        Assert.Single(await store.ListForAsync(onPhone, _timeout));
    }

    private async Task<SignInClient> SignedInAsync(string user, string userAgent)
    {
        var client = new SignInClient(app);
        client.Http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        await client.SignInAsync(user, DemoMailServer.TestPassword, reading: "Imap", cancellationToken: _timeout);
        return client;
    }
}
