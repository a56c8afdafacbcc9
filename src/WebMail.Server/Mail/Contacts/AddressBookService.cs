using Microsoft.AspNetCore.Components.Authorization;
using WebMail.Client.Services;

namespace WebMail.Server.Mail.Contacts;

/// <summary>Suggestions for the compose form from the address book of the circuit's signed-in user.</summary>
public sealed class AddressBookService(CurrentMailbox current, AuthenticationStateProvider authentication) : IAddressBookService
{
    public async Task<IReadOnlyList<string>> SuggestAsync(CancellationToken cancellationToken = default) =>
        (await current.ForAsync(authentication)).AddressBook.Suggestions();
}
