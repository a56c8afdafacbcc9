using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using WebMail.Client.Services;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Mail;

/// <summary>The UI's view of the mailbox, for the user of this circuit.</summary>
public sealed class MailboxService(
    CurrentMailbox current, AuthenticationStateProvider authentication, IOptionsMonitor<UserSessionOptions> sessionOptions,
    IOptionsMonitor<Options.MailOptions> mailOptions) : IMailboxService
{
    private const int MaxPageSize = 200;

    public async Task<MailboxFeatures> GetFeaturesAsync()
    {
        var context = await ContextAsync();
        return context.Store.Features with
        {
            NewMailCheckInterval = sessionOptions.CurrentValue.NewMailCheckInterval,
            ServerFilters = mailOptions.CurrentValue.FindDomain(context.Session.Domain)?.ManageSieve is not null,
        };
    }

    public async Task<MailFolder?> CheckFolderAsync(string path, CancellationToken cancellationToken = default)
    {
        var context = await current.ForAsync(authentication, activity: false);
        return (await context.ListFoldersAsync(refresh: true, cancellationToken)).FirstOrDefault(f => f.Path == path);
    }

    public async Task<MessagePage> ListAsync(MessageQuery query, bool refresh = false, CancellationToken cancellationToken = default) =>
        await (await ContextAsync()).ListAsync(Bounded(query), refresh, cancellationToken);

    public async Task<(MessagePage Page, IReadOnlyList<MailFolder>? Folders)> ReloadAfterNewMailAsync(
        MessageQuery query, bool withFolders, CancellationToken cancellationToken = default)
    {
        var context = await current.ForAsync(authentication, activity: false);
        var folders = withFolders ? await context.ListFoldersAsync(refresh: true, cancellationToken) : null;
        var page = await context.ListAsync(Bounded(query), refresh: true, cancellationToken);
        return (page, folders);
    }

    public async Task<IReadOnlyList<MailFolder>> ListFoldersAsync(bool refresh = false, CancellationToken cancellationToken = default) =>
        await (await ContextAsync()).ListFoldersAsync(refresh, cancellationToken);

    public async Task<MessageView> OpenAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var context = await ContextAsync();
        var opened = await context.OpenAsync(messageId, cancellationToken);
        // Shown first: the read mark, then the next message, follow while the user reads (in that order on the connection).
        _ = context.AfterShownAsync(messageId);
        return opened.View;
    }

    public async Task<AttachmentText> PreviewTextAsync(string messageId, int attachmentIndex, CancellationToken cancellationToken = default)
    {
        var context = await ContextAsync();
        var rendered = await context.OpenAsync(messageId, cancellationToken);
        var attachment = OpenedAttachment.Find(context, rendered, attachmentIndex)
            ?? throw new MailOperationException(MailProblem.MessageNotFound);
        var (bytes, cut) = await attachment.ReadAsync(AttachmentPreview.MaxTextBytes, cancellationToken);
        return new AttachmentText(Rendering.AttachmentTextDecoder.Decode(bytes, attachment.Charset, cut), cut);
    }

    public async Task<(MessageSummary? Newer, MessageSummary? Older)> GetNeighboursAsync(string messageId, MessageQuery? listedIn = null) =>
        (await ContextAsync()).Neighbours(messageId, listedIn is null ? null : Bounded(listedIn));

    public async Task<IReadOnlyList<MovedMessage>> DeleteAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken = default) =>
        await (await ContextAsync()).DeleteAsync(messageIds, cancellationToken);

    public async Task SetReadAsync(IReadOnlyList<string> messageIds, bool read, CancellationToken cancellationToken = default) =>
        await (await ContextAsync()).SetReadAsync(messageIds, read, cancellationToken);

    public async Task SetFlaggedAsync(IReadOnlyList<string> messageIds, bool flagged, CancellationToken cancellationToken = default) =>
        await (await ContextAsync()).SetFlaggedAsync(messageIds, flagged, cancellationToken);

    public async Task<MailboxQuota?> GetQuotaAsync(CancellationToken cancellationToken = default) =>
        await (await current.ForAsync(authentication, activity: false)).GetQuotaAsync(cancellationToken);

    public async Task<IReadOnlyList<MovedMessage>> ReportJunkAsync(IReadOnlyList<string> messageIds, bool junk, CancellationToken cancellationToken = default) =>
        await (await ContextAsync()).ReportJunkAsync(messageIds, junk, cancellationToken);

    public async Task<IReadOnlyList<MovedMessage>> MoveAsync(IReadOnlyList<string> messageIds, string targetFolder, CancellationToken cancellationToken = default) =>
        await (await ContextAsync()).MoveAsync(messageIds, targetFolder, cancellationToken);

    public async Task CopyAsync(IReadOnlyList<string> messageIds, string targetFolder, CancellationToken cancellationToken = default) =>
        await (await ContextAsync()).CopyAsync(messageIds, targetFolder, cancellationToken);

    public async Task ImportAsync(string folder, byte[] eml, CancellationToken cancellationToken = default) =>
        await (await ContextAsync()).ImportAsync(folder, Rendering.ImportedMessage.Parse(eml), cancellationToken);

    public async Task<string> CreateFolderAsync(string? parentPath, string name, CancellationToken cancellationToken = default) =>
        await (await ContextAsync()).CreateFolderAsync(parentPath, name, cancellationToken);

    public async Task<string> RenameFolderAsync(string path, string newName, CancellationToken cancellationToken = default) =>
        await (await ContextAsync()).RenameFolderAsync(path, newName, cancellationToken);

    public async Task DeleteFolderAsync(string path, CancellationToken cancellationToken = default) =>
        await (await ContextAsync()).DeleteFolderAsync(path, cancellationToken);

    public async Task EmptyTrashAsync(CancellationToken cancellationToken = default) =>
        await (await ContextAsync()).EmptyTrashAsync(cancellationToken);

    private Task<SessionMailbox> ContextAsync() => current.ForAsync(authentication);

    private static MessageQuery Bounded(MessageQuery query) =>
        query with { PageIndex = Math.Max(0, query.PageIndex), PageSize = Math.Clamp(query.PageSize, 1, MaxPageSize) };
}
