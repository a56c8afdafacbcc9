using Microsoft.Playwright;

namespace WebMail.BrowserTests.Pages;

/// <summary>The filters page (Settings → Filters and blocked senders): sender lists, rules and their editor.</summary>
public sealed class FiltersSettingsPage(IPage page)
{
    public static FiltersSettingsPage Of(IPage page) => new(page);

    public ILocator LinkInSettings => page.Locator("#settings-filters");

    public ILocator Live => page.Locator("main[data-interactive=true] #blocked-input");

    public ILocator BlockedInput => page.Locator("#blocked-input");

    public ILocator AddBlocked => page.Locator("#blocked-add");

    public ILocator Blocked => page.Locator("#blocked-list li");

    public ILocator AddRule => page.Locator("#rule-add");

    public ILocator RuleName => page.Locator("#rule-name");

    public ILocator ConditionField(int index) => page.Locator(".condition-field").Nth(index);

    public ILocator ConditionValue(int index) => page.Locator(".condition-value").Nth(index);

    public ILocator ActionKind(int index) => page.Locator(".action-kind").Nth(index);

    public ILocator ActionArgument(int index) => page.Locator(".action-argument").Nth(index);

    public ILocator AddAction => page.Locator("#action-add");

    public ILocator RuleDone => page.Locator("#rule-done");

    public ILocator Rules => page.Locator("#rules .filter-rule");

    public ILocator RuleNames => page.Locator("#rules .rule-name");

    public ILocator Save => page.Locator("#filters-save");

    public ILocator Saved => page.Locator("#filters-saved");

    public ILocator KeptRunning => page.Locator("#filters-kept-running");

    /// <summary>Settings → the filters page, once live.</summary>
    public async Task OpenFromSettingsAsync()
    {
        await new SettingsPage(page).OpenFromNavigationAsync();
        await LinkInSettings.ClickAsync();
        await Live.WaitForAsync();
    }

    /// <summary>Adds a rule of one condition and the given actions ("MoveTo:Archive", "Star").</summary>
    public async Task AddRuleAsync(string name, string field, string value, params string[] actions)
    {
        await AddRule.ClickAsync();
        await RuleName.FillAsync(name);
        await ConditionField(0).SelectOptionAsync(field);
        await ConditionValue(0).FillAsync(value);
        for (var i = 0; i < actions.Length; i++)
        {
            if (i > 0)
            {
                await AddAction.ClickAsync();
            }

            var (kind, argument) = actions[i].Split(':', 2) is [var k, var a] ? (k, a) : (actions[i], null);
            await ActionKind(i).SelectOptionAsync(kind);
            if (argument is not null)
            {
                var box = ActionArgument(i);
                if (await box.EvaluateAsync<string>("e => e.tagName") == "SELECT")
                {
                    await box.SelectOptionAsync(argument);
                }
                else
                {
                    await box.FillAsync(argument);
                }
            }
        }

        await RuleDone.ClickAsync();
    }
}
