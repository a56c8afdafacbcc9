using Microsoft.AspNetCore.Components;
using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.Client.Pages;

/// <summary>
/// Blocked and always-allowed senders and the rules, in order (dragged, or moved with the arrows from the keyboard),
/// each on or off: changed here, kept on the mail server when saved. The away message has its own page.
/// </summary>
public sealed partial class Filters
{
    private List<string> _blocked = [];
    private List<string> _allowed = [];
    private List<EditedFilterRule> _rules = [];
    private EditedFilterRule? _editing;
    private IReadOnlyList<MailFolder>? _folders;
    private int? _dragged;
    private bool _changed;
    private string _announcement = "";

    [Inject]
    private IMailboxService Mailbox { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        if (State is not null)
        {
            _folders = await FoldersAsync();
        }
    }

    protected override void Loaded(FiltersOnServer state)
    {
        _blocked = [.. state.Filters.BlockedSenders];
        _allowed = [.. state.Filters.AllowedSenders];
        _rules = [.. state.Filters.Rules.Select(EditedFilterRule.From)];
        _changed = false;
    }

    private async Task<IReadOnlyList<MailFolder>?> FoldersAsync()
    {
        try
        {
            return await Mailbox.ListFoldersAsync();
        }
        catch (MailOperationException)
        {
            return null; // POP3 (no folders) or a problem: folder names are typed instead
        }
    }

    private void Changed()
    {
        _changed = true;
        Saved = false;
    }

    private void AddRule()
    {
        var rule = new EditedFilterRule();
        rule.Conditions.Add(new EditedCondition());
        rule.Actions.Add(new EditedStep { Action = Enum.GetValues<FilterAction>().First(State!.Offers) });
        _editing = rule;
    }

    private void DoneEditing(EditedFilterRule edited)
    {
        var at = _rules.FindIndex(r => r.Key == edited.Key);
        if (at >= 0)
        {
            _rules[at] = edited;
        }
        else
        {
            _rules.Add(edited);
        }

        _editing = null;
        Changed();
    }

    private void Toggle(EditedFilterRule rule, object? value)
    {
        rule.Enabled = value is true;
        Changed();
    }

    private void Delete(EditedFilterRule rule)
    {
        _rules.Remove(rule);
        Changed();
    }

    private void DropOn(int index)
    {
        if (_dragged is { } from && from != index)
        {
            Move(from, index);
        }

        _dragged = null;
    }

    private void Move(int from, int to)
    {
        var rule = _rules[from];
        _rules.RemoveAt(from);
        _rules.Insert(to, rule);
        _announcement = T["Filters_Moved", rule.Name, to + 1];
        Changed();
    }

    private Task SaveFiltersAsync()
    {
        var filters = new MailFilters { BlockedSenders = [.. _blocked], AllowedSenders = [.. _allowed], Rules = [.. _rules.Select(r => r.ToRule())] };
        return SaveAsync(token => Filters.SaveFiltersAsync(filters, token));
    }
}
