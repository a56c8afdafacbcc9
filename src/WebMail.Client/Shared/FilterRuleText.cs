using Microsoft.Extensions.Localization;
using WebMail.Client.Services;

namespace WebMail.Client.Shared;

/// <summary>A rule in one line for the list: "Subject contains 图书馆 → Move to folder Archive, Mark as read".</summary>
public static class FilterRuleText
{
    /// <param name="folders">The user's folders, so a folder is named as the folder pane names it; null over POP3.</param>
    public static string Describe(IStringLocalizer<UiText> text, EditedFilterRule rule, IReadOnlyList<MailFolder>? folders)
    {
        var conditions = rule.Conditions.Select(c =>
            $"{(c.Field == FilterField.Header ? c.HeaderName : text["Rule_Field_" + c.Field])} {text["Rule_Match_" + c.Match]} {c.Value}");
        var when = rule.Conditions.Count == 0 ? text["Filters_Every"].Value
            : string.Join(rule.MatchAll ? " · " : " | ", conditions);
        var then = string.Join(", ", rule.Actions.Select(a =>
            !EditedStep.NeedsArgument(a.Action) ? text["Rule_Action_" + a.Action].Value
            : EditedStep.TakesFolder(a.Action) ? $"{text["Rule_Action_" + a.Action]} {FolderLabels.NameOf(a.Argument, folders, text)}"
            : $"{text["Rule_Action_" + a.Action]} {a.Argument}"));
        return $"{when} → {then}";
    }
}
