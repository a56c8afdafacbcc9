using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using WebMail.Client.Services;
using MailFolder = WebMail.Client.Services.MailFolder;

namespace WebMail.Server.Mail.Imap;

/// <summary>The folder pane: listing with counts, creating, renaming and deleting folders, emptying Trash.</summary>
public sealed partial class ImapMailStore
{
    private const int MaxFolderNameLength = 200;

    // Set when the server's QUOTA answer could not be read (see GetQuotaAsync): the bar is not asked for again.
    private bool _quotaUnreadable;

    public async Task<MailboxQuota?> GetQuotaAsync(CancellationToken cancellationToken)
    {
        if (_quotaUnreadable)
        {
            return null;
        }

        try
        {
            return await RunAsync<MailboxQuota?>(async (client, token) =>
            {
                if (!client.Capabilities.HasFlag(ImapCapabilities.Quota))
                {
                    return null;
                }

                // IMAP counts storage in units of 1024 octets (RFC 9208 §5.1).
                var quota = await client.Inbox.GetQuotaAsync(token);
                return quota.StorageLimit is { } limit and > 0
                    ? new MailboxQuota((long)(quota.CurrentStorageSize ?? 0) * 1024, (long)limit * 1024)
                    : null;
            }, cancellationToken);
        }
        catch (MailOperationException exception) when (exception.InnerException is ImapProtocolException)
        {
            // Cyrus without limits answers "* QUOTA INBOX ()", which MailKit cannot parse (and drops the connection
            // over): no limit to show, and no reason to ask again in this session.
            _quotaUnreadable = true;
            return null;
        }
    }

    public Task<IReadOnlyList<MailFolder>> ListFoldersAsync(CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<MailFolder>>(async (client, token) =>
        {
            // NOOP first: the selected folder's counts come from what the server tells this connection about it.
            await client.NoOpAsync(token);
            // One LIST (with LIST-STATUS where the server has it) brings every folder and its counts.
            var folders = await client.GetFoldersAsync(client.PersonalNamespaces[0], StatusItems.Count | StatusItems.Unread, subscribedOnly: false, token);
            if (!folders.Any(f => ImapMessageId.IsInbox(f.FullName)))
            {
                await client.Inbox.StatusAsync(StatusItems.Count | StatusItems.Unread, token);
                folders = [client.Inbox, .. folders];
            }

            return ImapFolderTree.Build(folders);
        }, cancellationToken);

    public Task<string> CreateFolderAsync(string? parentPath, string name, CancellationToken cancellationToken) =>
        RunAsync(async (client, token) =>
        {
            var parent = parentPath is null ? client.GetFolder(client.PersonalNamespaces[0]) : await ExistingFolderAsync(parentPath, token);
            var valid = await NewNameUnderAsync(parent, name, token);
            var created = await RefusedAsFolderProblem(() => parent.CreateAsync(valid, isMessageFolder: true, token))
                ?? throw new MailOperationException(MailProblem.FolderRefused);
            await created.SubscribeAsync(token);
            return created.FullName;
        }, cancellationToken);

    public Task<string> RenameFolderAsync(string path, string newName, CancellationToken cancellationToken) =>
        RunAsync(async (client, token) =>
        {
            var folder = await ChangeableFolderAsync(path, token);
            var parentPath = folder.ParentFolder?.FullName;
            var parent = string.IsNullOrEmpty(parentPath) ? client.GetFolder(client.PersonalNamespaces[0]) : await ExistingFolderAsync(parentPath, token);
            await RefusedAsFolderProblem(async () =>
            {
                await folder.RenameAsync(parent, await NewNameUnderAsync(parent, newName, token), token);
                return true;
            });
            // Subfolders' paths changed with it.
            _folders.Clear();
            return folder.FullName;
        }, cancellationToken);

    public Task DeleteFolderAsync(string path, CancellationToken cancellationToken) =>
        RunAsync(async (_, token) =>
        {
            var folder = await ChangeableFolderAsync(path, token);
            if (folder.IsOpen)
            {
                await folder.CloseAsync(expunge: false, token);
            }

            await RefusedAsFolderProblem(async () =>
            {
                await folder.DeleteAsync(token);
                return true;
            });
            _folders.Clear();
            return true;
        }, cancellationToken);

    public Task EmptyTrashAsync(CancellationToken cancellationToken) =>
        RunAsync(async (_, token) =>
        {
            if (await FindSpecialAsync(SpecialFolderKind.Trash, token) is { } trash)
            {
                var folder = await OpenFolderAsync(trash.FullName, token);
                var all = await folder.SearchAsync(SearchQuery.All, token);
                if (all.Count > 0)
                {
                    await ExpungeAsync(folder, all, token);
                }
            }

            return true;
        }, cancellationToken);

    /// <summary>A folder the user may rename or delete: it exists and is none of the special ones.</summary>
    private async Task<IMailFolder> ChangeableFolderAsync(string path, CancellationToken cancellationToken)
    {
        var folder = await ExistingFolderAsync(path, cancellationToken);
        var topLevel = await Client.GetFolder(Client.PersonalNamespaces[0]).GetSubfoldersAsync(false, cancellationToken);
        var special = ImapFolderTree.KindsOf([.. topLevel.Append(folder).DistinctBy(f => f.FullName)])
            .Any(p => p.Key.FullName == folder.FullName && p.Value != SpecialFolderKind.None);
        return special || ImapMessageId.IsInbox(folder.FullName) ? throw new MailOperationException(MailProblem.FolderRefused) : folder;
    }

    /// <summary>A valid name no sibling has yet (servers differ in whether CREATE of an existing name fails).</summary>
    private static async Task<string> NewNameUnderAsync(IMailFolder parent, string name, CancellationToken cancellationToken)
    {
        var valid = ValidName(name, parent.DirectorySeparator);
        var siblings = await parent.GetSubfoldersAsync(false, cancellationToken);
        return siblings.Any(f => string.Equals(f.Name, valid, StringComparison.OrdinalIgnoreCase))
            ? throw new MailOperationException(MailProblem.FolderRefused)
            : valid;
    }

    /// <summary>A name the server can take as one level: trimmed, not empty, no hierarchy separator, not too long.</summary>
    private static string ValidName(string name, char separator)
    {
        var trimmed = name.Trim();
        return trimmed.Length is 0 or > MaxFolderNameLength || (separator != '\0' && trimmed.Contains(separator))
            || trimmed.Any(char.IsControl) || ImapMessageId.IsInbox(trimmed)
            ? throw new MailOperationException(MailProblem.FolderRefused)
            : trimmed;
    }

    /// <summary>A NO from the server (name taken, not allowed) is the user's to fix, not a broken connection to retry.</summary>
    private static async Task<T> RefusedAsFolderProblem<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (ImapCommandException exception)
        {
            throw new MailOperationException(MailProblem.FolderRefused, exception);
        }
    }
}
