using Microsoft.Extensions.Localization;
using WebMail.Client;
using WebMail.Client.Services;

namespace WebMail.Client.Shared;

/// <summary>Where a problem is shown: the sign-in and compose pages word some problems for what the user was doing.</summary>
public enum ProblemPlace
{
    Mail,
    SignIn,
    Sending,
}

/// <summary>The text of a <see cref="MailProblem"/>: the place's own wording where it has one, else the general one.</summary>
public static class ProblemText
{
    public static string Describe(IStringLocalizer<UiText> text, MailProblem problem, ProblemPlace place = ProblemPlace.Mail)
    {
        var prefix = place switch
        {
            ProblemPlace.SignIn => "SignInProblem_",
            ProblemPlace.Sending => "SendProblem_",
            _ => null,
        };
        if (prefix is not null && text[prefix + problem] is { ResourceNotFound: false } placeWording)
        {
            return placeWording;
        }

        return text["Problem_" + problem];
    }
}
