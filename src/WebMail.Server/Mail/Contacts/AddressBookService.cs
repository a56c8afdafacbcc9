using Microsoft.AspNetCore.Components.Authorization;
using WebMail.Client.Services;
using WebMail.Server.UserData;

namespace WebMail.Server.Mail.Contacts;

/// <summary>Suggestions for the compose form from the address book of the circuit's signed-in user.</summary>
public sealed class AddressBookService(
    CurrentMailbox current, AuthenticationStateProvider authentication, IContactStore store, Ldap.SchoolDirectory directory, TimeProvider clock)
    : IAddressBookService
{
    public async Task<IReadOnlyList<RecipientSuggestion>> SuggestAsync(string typed, CancellationToken cancellationToken = default)
    {
        var context = await current.ForAsync(authentication);
        var people = directory.FindAsync(context, typed, cancellationToken);
        var contacts = await context.AddressBook.ContactsAsync(store, context.Session.Address, clock, cancellationToken);
        return context.AddressBook.Suggest(typed, contacts, await people, IAddressBookService.MaxSuggestions);
    }

    public async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        var context = await current.ForAsync(authentication);
        var directoryRead = directory.PrepareAsync(context, cancellationToken);
        await context.AddressBook.ContactsAsync(store, context.Session.Address, clock, cancellationToken);
        await directoryRead;
    }
}
