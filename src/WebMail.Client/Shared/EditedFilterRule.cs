using WebMail.Client.Services;

namespace WebMail.Client.Shared;

/// <summary>A filter rule as the filters page edits it (the service's records are immutable); copied in and out.</summary>
public sealed class EditedFilterRule
{
    /// <summary>Stable while the page lives, for @key: names repeat and rules move.</summary>
    public Guid Key { get; private set; } = Guid.NewGuid();

    public string Name { get; set; } = "";

    public bool Enabled { get; set; } = true;

    public bool MatchAll { get; set; } = true;

    public List<EditedCondition> Conditions { get; set; } = [];

    public List<EditedStep> Actions { get; set; } = [];

    public static EditedFilterRule From(FilterRule rule) => new()
    {
        Name = rule.Name,
        Enabled = rule.Enabled,
        MatchAll = rule.MatchAll,
        Conditions = [.. rule.Conditions.Select(c => new EditedCondition { Field = c.Field, Match = c.Match, Value = c.Value, HeaderName = c.HeaderName ?? "" })],
        Actions = [.. rule.Actions.Select(a => new EditedStep { Action = a.Action, Argument = a.Argument })],
    };

    public FilterRule ToRule() => new(
        Name.Trim(), Enabled, MatchAll,
        [.. Conditions.Select(c => new FilterCondition(c.Field, c.Match, c.Value.Trim(), c.Field == FilterField.Header ? c.HeaderName.Trim() : null))],
        [.. Actions.Select(a => new FilterStep(a.Action, EditedStep.NeedsArgument(a.Action) ? a.Argument.Trim() : ""))]);

    /// <summary>A copy to edit, under the same key, so Cancel leaves the rule as it was and Done replaces it.</summary>
    public EditedFilterRule Copy()
    {
        var copy = From(ToRule());
        copy.Key = Key;
        return copy;
    }
}

public sealed class EditedCondition
{
    public FilterField Field { get; set; } = FilterField.From;

    public FilterMatch Match { get; set; } = FilterMatch.Contains;

    public string Value { get; set; } = "";

    public string HeaderName { get; set; } = "";

    /// <summary>Size compares over or under; the others contain, are or match.</summary>
    public static IEnumerable<FilterMatch> MatchesFor(FilterField field) => field == FilterField.Size
        ? [FilterMatch.Over, FilterMatch.Under]
        : [FilterMatch.Contains, FilterMatch.Is, FilterMatch.Matches];
}

public sealed class EditedStep
{
    public FilterAction Action { get; set; } = FilterAction.MoveTo;

    public string Argument { get; set; } = "";

    public static bool NeedsArgument(FilterAction action) =>
        action is FilterAction.MoveTo or FilterAction.CopyTo or FilterAction.Forward or FilterAction.ForwardKeepCopy or FilterAction.Reject;

    public static bool TakesFolder(FilterAction action) => action is FilterAction.MoveTo or FilterAction.CopyTo;
}
