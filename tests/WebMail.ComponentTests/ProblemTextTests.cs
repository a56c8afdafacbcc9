using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using WebMail.Client;
using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.ComponentTests;

/// <summary>One vocabulary of problems: every value has words in both languages wherever it can be shown.</summary>
public sealed class ProblemTextTests
{
    private readonly IStringLocalizer<UiText> _text = new ServiceCollection()
        .AddLogging()
        .AddLocalization(options => options.ResourcesPath = "Resources")
        .BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<UiText>>();

    public static TheoryData<string, ProblemPlace> CulturesAndPlaces() => new()
    {
        { "en-US", ProblemPlace.Mail }, { "en-US", ProblemPlace.SignIn }, { "en-US", ProblemPlace.Sending },
        { "zh-CN", ProblemPlace.Mail }, { "zh-CN", ProblemPlace.SignIn }, { "zh-CN", ProblemPlace.Sending },
    };

    [Theory]
    [MemberData(nameof(CulturesAndPlaces))]
    public void Describe_EveryProblemAtEveryPlace_HasAText(string culture, ProblemPlace place)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        var missing = Enum.GetValues<MailProblem>()
            .Where(problem => problem != MailProblem.None)
            .Where(problem => ProblemText.Describe(_text, problem, place).Contains(problem.ToString(), StringComparison.Ordinal));

        Assert.Empty(missing);
    }

    [Fact]
    public void Describe_PlaceWithItsOwnWording_UsesIt()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");

        var general = ProblemText.Describe(_text, MailProblem.Unreachable);
        var sending = ProblemText.Describe(_text, MailProblem.Unreachable, ProblemPlace.Sending);

        Assert.NotEqual(general, sending);
        Assert.Contains("Your message is kept here", sending, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_PlaceWithoutItsOwnWording_UsesTheGeneralText()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");

        Assert.Equal(
            ProblemText.Describe(_text, MailProblem.FolderNotFound),
            ProblemText.Describe(_text, MailProblem.FolderNotFound, ProblemPlace.SignIn));
    }
}
