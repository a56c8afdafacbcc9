using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using WebMail.Client.Services;

namespace WebMail.Client.Pages;

/// <summary>
/// The address book (issue 20): people and groups, found by a filter; added, changed and deleted; imported from
/// vCard or CSV and exported (the files come from <c>contacts/export.*</c>); collecting written-to addresses on or off.
/// </summary>
public sealed partial class Contacts : IDisposable
{
    private const int MaxShown = 500;
    private readonly CancellationTokenSource _disposed = new();
    private IReadOnlyList<Contact>? _contacts;
    private MailProblem? _problem;
    private string? _status;
    private string _filter = "";
    private IReadOnlySet<string>? _matching;
    private Contact? _editing;
    private string? _confirmingDelete;
    private bool _collect = true;
    private bool _importing;

    private static Contact NewPerson => new("", "", []);

    private static Contact NewGroup => new("", "", [], IsGroup: true);

    [Inject]
    private IContactsService Book { get; set; } = null!;

    [Inject]
    private IUserSettingsService Settings { get; set; } = null!;

    private bool Ready => RendererInfo.IsInteractive && _contacts is not null;

    private int CollectedCount => _contacts?.Count(c => c.Collected) ?? 0;

    /// <summary>Groups first, then people by name (collected addresses, which have none, by address), up to <see cref="MaxShown"/>.</summary>
    private List<Contact> Shown =>
        [.. (_contacts ?? []).Where(Matches)
            .OrderByDescending(c => c.IsGroup)
            .ThenBy(c => c.Collected)
            .ThenBy(c => c.Name.Length > 0 ? c.Name : c.Addresses.FirstOrDefault(), StringComparer.CurrentCulture)
            .Take(MaxShown)];

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        try
        {
            _collect = (await Settings.GetAsync(_disposed.Token)).CollectRecipients;
        }
        catch (MailOperationException)
        {
            // The list says the address book is unavailable when it is; the box keeps its default.
        }
    }

    private async Task LoadAsync()
    {
        _problem = null;
        try
        {
            _contacts = await Book.ListAsync(_disposed.Token);
        }
        catch (MailOperationException exception)
        {
            _problem = exception.Problem;
        }
    }

    private bool Matches(Contact contact) => _filter.Trim().Length == 0 || (_matching?.Contains(contact.Id) ?? Plainly(contact));

    // While the server's answer (pinyin and initials too) is on its way, or when it cannot be had: the text as typed.
    private bool Plainly(Contact contact)
    {
        var filter = _filter.Trim();
        return contact.Name.Contains(filter, StringComparison.CurrentCultureIgnoreCase)
            || contact.Addresses.Any(a => a.Contains(filter, StringComparison.OrdinalIgnoreCase))
            || contact.Phone.Contains(filter, StringComparison.Ordinal);
    }

    private async Task FilterAsync()
    {
        _matching = null;
        var filter = _filter;
        if (filter.Trim().Length == 0)
        {
            return;
        }

        try
        {
            var matching = await Book.MatchingAsync(filter, _disposed.Token);
            if (filter == _filter)
            {
                _matching = matching;
            }
        }
        catch (MailOperationException)
        {
            // The plain filter stays.
        }
    }

    private void Edit(Contact contact) => (_editing, _status, _confirmingDelete) = (contact, null, null);

    private async Task OnSavedAsync(Contact saved)
    {
        (_editing, _filter, _matching) = (null, "", null);
        _status = T["Contacts_Saved", saved.Name.Length > 0 ? saved.Name : saved.Addresses[0]];
        await LoadAsync();
    }

    private async Task DeleteAsync(string id)
    {
        _confirmingDelete = null;
        await RunAsync(() => Book.DeleteAsync(id, _disposed.Token));
    }

    private async Task ClearCollectedAsync()
    {
        var cleared = 0;
        await RunAsync(async () => cleared = await Book.ClearCollectedAsync(_disposed.Token));
        _status = T["Contacts_Cleared", cleared];
    }

    private async Task SetCollectAsync(ChangeEventArgs e)
    {
        _collect = e.Value is true;
        await RunAsync(async () =>
        {
            var settings = await Settings.GetAsync(_disposed.Token);
            await Settings.SaveAsync(settings with { CollectRecipients = _collect }, _disposed.Token);
        }, reload: false);
    }

    private async Task ImportAsync(InputFileChangeEventArgs e)
    {
        (_importing, _status, _problem) = (true, null, null);
        try
        {
            using var content = new MemoryStream();
            await using (var upload = e.File.OpenReadStream(ImportLimit, _disposed.Token))
            {
                await upload.CopyToAsync(content, _disposed.Token);
            }

            var result = await Book.ImportAsync(e.File.Name, content.ToArray(), _disposed.Token);
            _status = T["Contacts_Imported", result.Added, result.Merged, result.Skipped];
            await LoadAsync();
        }
        catch (IOException)
        {
            _problem = MailProblem.TooLarge; // over the limit: OpenReadStream says so with an IOException
        }
        catch (MailOperationException exception)
        {
            _problem = exception.Problem;
        }
        finally
        {
            _importing = false;
        }
    }

    /// <summary>What an import may be: an address book of 10,000 people exports to a few megabytes.</summary>
    public const long ImportLimit = 10 * 1024 * 1024;

    private async Task RunAsync(Func<Task> change, bool reload = true)
    {
        (_problem, _status) = (null, null);
        try
        {
            await change();
        }
        catch (MailOperationException exception)
        {
            _problem = exception.Problem;
        }

        if (reload)
        {
            await LoadAsync();
        }
    }

    private static string WriteTo(Contact contact) =>
        "compose?to=" + Uri.EscapeDataString(RecipientText.Join(contact.IsGroup ? contact.Addresses : [RecipientText.Mailbox(contact.Name, contact.Addresses[0])]));

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
