using Microsoft.AspNetCore.DataProtection;

namespace WebMail.Server.Mail.Smtp;

/// <summary>
/// Held messages as encrypted files in <c>Compose:OutboxFolder</c>, one per message, named by id and due time.
/// Taking one renames it (atomic: one winner) before reading it; a file being sent when the process died is sent
/// again at the next start, since a message sent twice is better than one silently lost.
/// </summary>
public sealed class FolderHeldMessageStore : IHeldMessageStore
{
    private const string HeldSuffix = ".held";
    private const string TakenSuffix = ".taken";
    private readonly DirectoryInfo _folder;
    private readonly IDataProtector _protector;

    public FolderHeldMessageStore(string folder, IDataProtectionProvider dataProtection)
    {
        _folder = Directory.CreateDirectory(folder);
        _protector = HeldMessage.Protector(dataProtection);
        // Left from a process that stopped while sending: due again.
        foreach (var taken in _folder.EnumerateFiles("*" + TakenSuffix))
        {
            taken.MoveTo(Path.ChangeExtension(taken.FullName, HeldSuffix), overwrite: true);
        }
    }

    public async Task HoldAsync(HeldMessage message, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_folder.FullName, $"{message.Id}.{message.SendAt.ToUnixTimeMilliseconds()}{HeldSuffix}");
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, message.Seal(_protector), cancellationToken);
        File.Move(temporary, path);
    }

    public async Task<HeldMessage?> TakeAsync(string id, CancellationToken cancellationToken)
    {
        foreach (var file in _folder.EnumerateFiles($"{id}.*{HeldSuffix}"))
        {
            var taken = Path.ChangeExtension(file.FullName, TakenSuffix);
            try
            {
                file.MoveTo(taken);
            }
            catch (IOException)
            {
                continue; // taken by someone else a moment ago
            }

            var message = HeldMessage.Open(_protector, await File.ReadAllBytesAsync(taken, cancellationToken));
            File.Delete(taken);
            return message;
        }

        return null;
    }

    public Task<IReadOnlyList<string>> DueAsync(DateTimeOffset dueBefore, CancellationToken cancellationToken)
    {
        var due = new List<string>();
        foreach (var file in _folder.EnumerateFiles("*" + HeldSuffix))
        {
            var parts = Path.GetFileNameWithoutExtension(file.Name).Split('.');
            if (parts.Length == 2 && long.TryParse(parts[1], out var sendAt) && sendAt < dueBefore.ToUnixTimeMilliseconds())
            {
                due.Add(parts[0]);
            }
        }

        return Task.FromResult<IReadOnlyList<string>>(due);
    }
}
