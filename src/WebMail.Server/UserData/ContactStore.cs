using Microsoft.EntityFrameworkCore;
using WebMail.Client.Services;
using WebMail.Server.Mail.Contacts;

namespace WebMail.Server.UserData;

/// <summary>
/// <see cref="IContactStore"/> on the user data database, one row per contact. An address book is small (at most
/// <see cref="Contact.MaxContacts"/>), so recording, merging and importing read the user's rows once and decide in memory.
/// </summary>
public sealed class ContactStore(UserDataCalls calls, TimeProvider clock) : IContactStore
{
    public Task<IReadOnlyList<Contact>> ListAsync(string user, CancellationToken cancellationToken = default) =>
        calls.RunAsync<IReadOnlyList<Contact>>(async (database, token) =>
            (await database.Contacts.AsNoTracking().Where(c => c.UserAddress == UserDataContext.KeyOf(user)).ToListAsync(token))
                .Select(ToContact).ToList(), cancellationToken);

    public Task<Contact?> SaveAsync(string user, Contact contact, CancellationToken cancellationToken = default) =>
        calls.RunAsync(async (database, token) =>
        {
            var cleaned = ContactRules.Clean(contact) with { Collected = false };
            if (!ContactRules.IsUsable(cleaned))
            {
                return null;
            }

            var key = UserDataContext.KeyOf(user);
            ContactRow? row;
            if (string.IsNullOrEmpty(cleaned.Id))
            {
                await EnsureRoomAsync(database, key, 1, token);
                row = new ContactRow { Id = NewId(), UserAddress = key };
                database.Contacts.Add(row);
            }
            else if ((row = await database.Contacts.FirstOrDefaultAsync(c => c.Id == cleaned.Id && c.UserAddress == key, token)) is null)
            {
                return null;
            }

            Fill(row, cleaned with { TimesWritten = row.TimesWritten });
            await database.SaveChangesAsync(token);
            return ToContact(row);
        }, cancellationToken);

    public Task<bool> DeleteAsync(string user, string id, CancellationToken cancellationToken = default) =>
        calls.RunAsync(async (database, token) =>
            await database.Contacts.Where(c => c.Id == id && c.UserAddress == UserDataContext.KeyOf(user)).ExecuteDeleteAsync(token) > 0,
            cancellationToken);

    public Task RecordWrittenAsync(string user, IReadOnlyList<Contact> recipients, bool collect, CancellationToken cancellationToken = default) =>
        calls.RunAsync(async (database, token) =>
        {
            var key = UserDataContext.KeyOf(user);
            var rows = await database.Contacts.Where(c => c.UserAddress == key && !c.IsGroup).ToListAsync(token);
            var byAddress = ByAddress(rows);
            var room = Contact.MaxContacts - await database.Contacts.CountAsync(c => c.UserAddress == key, token);
            foreach (var recipient in recipients.Select(ContactRules.Clean).Where(ContactRules.IsUsable))
            {
                var address = ContactRules.AddressOf(recipient.Addresses[0]);
                if (byAddress.TryGetValue(address, out var known))
                {
                    known.TimesWritten++;
                    known.UpdatedAt = Now();
                }
                else if (collect && room-- > 0)
                {
                    var row = new ContactRow { Id = NewId(), UserAddress = key };
                    Fill(row, recipient with { Collected = true, TimesWritten = 1 });
                    database.Contacts.Add(row);
                    byAddress[address] = row;
                }
            }

            await database.SaveChangesAsync(token);
            return true;
        }, cancellationToken);

    public Task<int> ClearCollectedAsync(string user, CancellationToken cancellationToken = default) =>
        calls.RunAsync((database, token) =>
            database.Contacts.Where(c => c.UserAddress == UserDataContext.KeyOf(user) && c.Collected).ExecuteDeleteAsync(token), cancellationToken);

    public Task<ContactImportResult> ImportAsync(string user, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken = default) =>
        calls.RunAsync(async (database, token) =>
        {
            var key = UserDataContext.KeyOf(user);
            var rows = await database.Contacts.Where(c => c.UserAddress == key).ToListAsync(token);
            var people = ByAddress(rows.Where(r => !r.IsGroup));
            var groups = rows.Where(r => r.IsGroup).GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First());
            var (added, merged, skipped, room) = (0, 0, 0, Contact.MaxContacts - rows.Count);
            foreach (var contact in contacts.Select(ContactRules.Clean))
            {
                var addresses = contact.Addresses.Select(ContactRules.AddressOf).ToList();
                var existing = !ContactRules.IsUsable(contact) ? null
                    : contact.IsGroup ? groups.GetValueOrDefault(contact.Name)
                    : addresses.Select(people.GetValueOrDefault).FirstOrDefault(r => r is not null);
                if (!ContactRules.IsUsable(contact) || (existing is null && room <= 0))
                {
                    skipped++;
                    continue;
                }

                var row = existing ?? new ContactRow { Id = NewId(), UserAddress = key };
                Fill(row, existing is null ? contact with { Collected = false } : Merged(ToContact(existing), contact));
                if (existing is null)
                {
                    database.Contacts.Add(row);
                    (added, room) = (added + 1, room - 1);
                }
                else
                {
                    merged++;
                }

                if (row.IsGroup)
                {
                    groups[row.Name] = row;
                }
                else
                {
                    addresses.ForEach(a => people[a] = row);
                }
            }

            await database.SaveChangesAsync(token);
            return new ContactImportResult(added, merged, skipped);
        }, cancellationToken, ImportTimeout(contacts.Count));

    /// <summary>
    /// One transaction for the whole file (all of it or none), so the bound grows with it: a full book of 10,000 took
    /// ~1.5 s on an idle test machine and over 10 s on the same machine under a full test run's load (PostgreSQL).
    /// </summary>
    private static TimeSpan ImportTimeout(int contacts) =>
        UserDataCalls.Timeout + TimeSpan.FromMilliseconds(2 * Math.Min(contacts, Contact.MaxContacts * 2));

    // What the user had wins; the import only adds addresses and fills what was empty.
    private static Contact Merged(Contact kept, Contact imported) => ContactRules.Clean(kept with
    {
        Name = kept.Name.Length > 0 && !kept.Collected ? kept.Name : imported.Name.Length > 0 ? imported.Name : kept.Name,
        Addresses = [.. kept.Addresses, .. imported.Addresses],
        Phone = kept.Phone.Length > 0 ? kept.Phone : imported.Phone,
        Notes = kept.Notes.Length > 0 ? kept.Notes : imported.Notes,
        Collected = false,
    });

    private static Dictionary<string, ContactRow> ByAddress(IEnumerable<ContactRow> rows)
    {
        var byAddress = new Dictionary<string, ContactRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            foreach (var address in Lines(row.Addresses))
            {
                byAddress.TryAdd(ContactRules.AddressOf(address), row);
            }
        }

        return byAddress;
    }

    private static async Task EnsureRoomAsync(UserDataContext database, string key, int wanted, CancellationToken token)
    {
        if (await database.Contacts.CountAsync(c => c.UserAddress == key, token) + wanted > Contact.MaxContacts)
        {
            throw new MailOperationException(MailProblem.TooManyContacts);
        }
    }

    private void Fill(ContactRow row, Contact contact)
    {
        row.Name = contact.Name;
        row.Addresses = string.Join('\n', contact.Addresses);
        row.Phone = contact.Phone;
        row.Notes = contact.Notes;
        row.IsGroup = contact.IsGroup;
        row.Collected = contact.Collected;
        row.TimesWritten = contact.TimesWritten;
        row.UpdatedAt = Now();
    }

    private static Contact ToContact(ContactRow row) =>
        new(row.Id, row.Name, Lines(row.Addresses), row.Phone, row.Notes, row.IsGroup, row.Collected, row.TimesWritten);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static string NewId() => Guid.NewGuid().ToString("N");
}
