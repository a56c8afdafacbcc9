using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Pages;
using WebMail.Client.Services;

namespace WebMail.ComponentTests;

/// <summary>The signed-in devices page: this device marked, the others signed out on request.</summary>
public sealed class SessionsTests : ComponentTest
{
    private readonly FakeSessions _sessions = new();

    public SessionsTests()
    {
        Services.AddSingleton<ISessionsService>(_sessions);
        GoLive();
    }

    [Fact]
    public void Loaded_ListsEverySessionWithThisDeviceMarked()
    {
        var page = Render<Sessions>();

        var rows = page.FindAll("#sessions tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("This device", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Chrome · Windows", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("10.20.30.40", rows[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void SignOutEverywhereElse_Clicked_SaysHowManyAndLeavesOnlyThisDevice()
    {
        var page = Render<Sessions>();

        page.Find("#sign-out-others").Click();

        Assert.Contains("1 other", page.Find("#signed-out-others").TextContent, StringComparison.Ordinal);
        Assert.Single(page.FindAll("#sessions tbody tr"));
        Assert.True(page.Find("#sign-out-others").HasAttribute("disabled"));
    }

    [Fact]
    public void SharedStoreDown_SaysSoInsteadOfAnEmptyList()
    {
        _sessions.Down = true;

        var page = Render<Sessions>();

        Assert.Empty(page.FindAll("#sessions"));
        Assert.NotEmpty(page.FindAll(".alert"));
    }

    private sealed class FakeSessions : ISessionsService
    {
        private readonly List<SignedInSession> _all =
        [
            new("a", "WeChat · Android", "10.1.1.1", DateTimeOffset.Now.AddHours(-1), DateTimeOffset.Now, IsCurrent: true),
            new("b", "Chrome · Windows", "10.20.30.40", DateTimeOffset.Now.AddHours(-3), DateTimeOffset.Now.AddHours(-2), IsCurrent: false),
        ];

        public bool Down { get; set; }

        public Task<IReadOnlyList<SignedInSession>> ListAsync(CancellationToken cancellationToken = default) =>
            Down ? throw new MailOperationException(MailProblem.SessionStoreUnavailable) : Task.FromResult<IReadOnlyList<SignedInSession>>(_all.ToList());

        public Task<int> SignOutEverywhereElseAsync(CancellationToken cancellationToken = default)
        {
            var others = _all.RemoveAll(s => !s.IsCurrent);
            return Task.FromResult(others);
        }
    }
}
