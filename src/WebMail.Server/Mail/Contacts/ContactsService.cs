using System.Text;
using Microsoft.AspNetCore.Components.Authorization;
using WebMail.Client.Services;
using WebMail.Server.UserData;

namespace WebMail.Server.Mail.Contacts;

/// <summary>The circuit user's address book (<see cref="IContactStore"/>); every change makes the session's suggestions read it again.</summary>
public sealed class ContactsService(CurrentMailbox current, AuthenticationStateProvider authentication, IContactStore store, TimeProvider clock)
    : IContactsService
{
    /// <summary>An address book export is small; a larger file is not one (and is not read into memory).</summary>
    public const int MaxImportBytes = 10 * 1024 * 1024;

    public async Task<IReadOnlyList<Contact>> ListAsync(CancellationToken cancellationToken = default) =>
        await store.ListAsync(await UserAsync(), cancellationToken);

    public async Task<IReadOnlySet<string>> MatchingAsync(string typed, CancellationToken cancellationToken = default)
    {
        var context = await current.ForAsync(authentication);
        var contacts = await context.AddressBook.ContactsAsync(store, context.Session.Address, clock, cancellationToken);
        return contacts.Matching(NameMatch.Normalize(typed));
    }

    public Task<Contact?> SaveAsync(Contact contact, CancellationToken cancellationToken = default) =>
        ChangeAsync(user => store.SaveAsync(user, contact, cancellationToken));

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        ChangeAsync(user => store.DeleteAsync(user, id, cancellationToken));

    public async Task<bool> AddAsync(string name, string address, CancellationToken cancellationToken = default) =>
        (await ChangeAsync(user => store.ImportAsync(user, [new Contact("", name, [address])], cancellationToken))).Added == 1;

    public Task<int> ClearCollectedAsync(CancellationToken cancellationToken = default) =>
        ChangeAsync(user => store.ClearCollectedAsync(user, cancellationToken));

    public Task<ContactImportResult> ImportAsync(string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        var contacts = content.Length > MaxImportBytes ? [] : Read(fileName, content);
        if (contacts.Count == 0)
        {
            throw new MailOperationException(MailProblem.NotContacts);
        }

        return ChangeAsync(user => store.ImportAsync(user, contacts, cancellationToken));
    }

    /// <summary>A vCard file by its name or its first line, anything else as CSV.</summary>
    public static IReadOnlyList<Contact> Read(string fileName, byte[] content)
    {
        var head = Encoding.ASCII.GetString(content, 0, Math.Min(content.Length, 64)).TrimStart('\uFEFF', '?', ' ', '\r', '\n');
        return fileName.EndsWith(".vcf", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".vcard", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("BEGIN:VCARD", StringComparison.OrdinalIgnoreCase)
            ? VCardFormat.Read(Rendering.AttachmentTextDecoder.Decode(content, charset: null, cut: false))
            : ContactCsv.Read(content);
    }

    private async Task<T> ChangeAsync<T>(Func<string, Task<T>> change)
    {
        var context = await current.ForAsync(authentication);
        try
        {
            return await change(context.Session.Address);
        }
        finally
        {
            context.AddressBook.ForgetContacts();
        }
    }

    private async Task<string> UserAsync() => (await current.ForAsync(authentication)).Session.Address;
}
