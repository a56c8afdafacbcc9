using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Shared;

namespace WebMail.ComponentTests;

/// <summary>A page that throws is replaced by a message with a way back, instead of ending the live connection.</summary>
public sealed class PageErrorBoundaryTests : ComponentTest
{
    public PageErrorBoundaryTests()
        : base("zh-CN")
    {
    }

    [Fact]
    public void ChildThrows_ShowsTheMessageInTheUsersLanguage_AndBackGoesToTheInbox()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("message/1.7");
        var boundary = Render<PageErrorBoundary>(parameters => parameters.AddChildContent<Throwing>());

        Assert.Contains("此页面出现了问题", boundary.Find("#page-error").TextContent, StringComparison.Ordinal);
        boundary.Find("#page-error-back").Click();

        Assert.Equal("http://localhost/", navigation.Uri);
    }

    [Fact]
    public void ChildRendersFine_ShowsTheChild()
    {
        var boundary = Render<PageErrorBoundary>(parameters => parameters.AddChildContent("<p id=\"fine\">fine</p>"));

        Assert.NotNull(boundary.Find("#fine"));
        Assert.Empty(boundary.FindAll("#page-error"));
    }

    private sealed class Throwing : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("a bug in a page");
    }
}
