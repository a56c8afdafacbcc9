using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using WebMail.Client;
using WebMail.Client.Services;
using WebMail.Server.Mail.Options;
using WebMail.Server.UserData;

namespace WebMail.Server.Mail.Smtp;

/// <summary>
/// Sends as the user of this circuit through their domain's submission server, authenticated as them: checks the
/// message, then submits it at once or holds it in the outbox for the undo window. Drafts are <see cref="Drafts.DraftService"/>'s.
/// </summary>
public sealed class ComposeService(
    CurrentMailbox current,
    AuthenticationStateProvider authentication,
    Submission submission,
    IOptionsMonitor<MailOptions> mailOptions,
    IOptionsMonitor<ComposeOptions> composeOptions,
    IStringLocalizer<UiText> text,
    Outbox outbox,
    IUserSettingsStore settings,
    IScheduledMessageStore scheduled,
    Microsoft.AspNetCore.DataProtection.IDataProtectionProvider dataProtection,
    ILogger<ComposeService> logger,
    Contacts.WrittenRecipients written,
    TimeProvider clock) : IComposeService
{
    public long MaxAttachmentBytes => composeOptions.CurrentValue.MaxAttachmentBytes;

    public long MaxAttachmentBytesPerFile => Math.Min(composeOptions.CurrentValue.MaxAttachmentBytesPerFile ?? long.MaxValue, MaxAttachmentBytes);

    public AddressCheck CheckAddresses(string field) => AddressParser.Check(field);

    public async Task<IReadOnlyList<string>> SenderAddressesAsync()
    {
        var session = (await current.ForAsync(authentication)).Session;
        return mailOptions.CurrentValue.FindDomain(session.Domain)?.SenderAddressesOf(session.Address) ?? [session.Address];
    }

    public async Task<OutgoingMessage> PrepareAsync(ComposeMode mode, string messageId, CancellationToken cancellationToken = default)
    {
        var context = await current.ForAsync(authentication);
        var original = await context.OpenAsync(messageId, cancellationToken);
        var quoteHeader = MessageDates.IsKnown(original.View.Date) ? text["Compose_QuoteHeader"] : text["Compose_QuoteHeaderUndated"];
        return ReplyBuilder.Build(mode, original, context.Session.Address, quoteHeader);
    }

    public async Task<SendResult> SendAsync(OutgoingMessage outgoing, CancellationToken cancellationToken = default)
    {
        var (refusal, ready) = await PrepareAsync(outgoing, cancellationToken);
        if (ready is not { } prepared)
        {
            return refusal!;
        }

        var (context, domain, message) = prepared;
        var delay = composeOptions.CurrentValue.UndoSendDelay;
        if (delay <= TimeSpan.Zero)
        {
            var result = await submission.SubmitAndKeepCopyAsync(domain, context, message, outgoing.RepliedToId, cancellationToken);
            if (result.Problem == MailProblem.None)
            {
                await written.RecordAsync(context, Recipients(message), cancellationToken);
            }

            return result;
        }

        if (await HoldAsync(context, message, outgoing, clock.GetUtcNow() + delay, cancellationToken) is not { } held)
        {
            return new SendResult(MailProblem.SessionEnded);
        }

        // Once held, the message goes out even if the page that sent it is gone, or the session.
        await outbox.HoldAsync(held, cancellationToken);
        await written.RecordAsync(context, Recipients(message), cancellationToken);
        return new SendResult(MailProblem.None) { PendingId = held.Id, UndoWindow = delay };
    }

    /// <summary>A scheduled time must leave the user a moment to change their mind, and the instances a check or two.</summary>
    public static readonly TimeSpan MinimumSchedulingLead = TimeSpan.FromMinutes(1);

    public async Task<SendResult> ScheduleAsync(OutgoingMessage outgoing, DateTimeOffset sendAt, CancellationToken cancellationToken = default)
    {
        if (sendAt < clock.GetUtcNow() + MinimumSchedulingLead - TimeSpan.FromSeconds(5))
        {
            return new SendResult(MailProblem.ScheduledTimeNotAhead);
        }

        var (refusal, ready) = await PrepareAsync(outgoing, cancellationToken);
        if (ready is not { } prepared)
        {
            return refusal!;
        }

        if (await HoldAsync(prepared.Context, prepared.Message, outgoing, sendAt, cancellationToken) is not { } held)
        {
            return new SendResult(MailProblem.SessionEnded);
        }

        try
        {
            await scheduled.AddAsync(new ScheduledMessageRow
            {
                Id = held.Id,
                UserAddress = held.Sender.Address,
                SendAt = sendAt.ToUnixTimeMilliseconds(),
                Sealed = held.Seal(HeldMessage.Protector(dataProtection)),
            }, cancellationToken);
        }
        catch (MailOperationException exception)
        {
            return new SendResult(exception.Problem);
        }

        await written.RecordAsync(prepared.Context, Recipients(prepared.Message), cancellationToken);
        return new SendResult(MailProblem.None);
    }

    private static List<MailboxAddress> Recipients(MimeMessage message) =>
        [.. message.To.Mailboxes, .. message.Cc.Mailboxes, .. message.Bcc.Mailboxes];

    /// <summary>What sending now, after the undo window and later share: the checks, the session, the built message.</summary>
    private async Task<(SendResult? Refusal, (Sessions.SessionMailbox Context, MailDomainOptions Domain, MimeMessage Message)? Ready)> PrepareAsync(
        OutgoingMessage outgoing, CancellationToken cancellationToken)
    {
        var (to, badTo) = AddressParser.Parse(outgoing.To);
        var (cc, badCc) = AddressParser.Parse(outgoing.Cc);
        var (bcc, badBcc) = AddressParser.Parse(outgoing.Bcc);
        var invalid = badTo.Concat(badCc).Concat(badBcc).ToList();
        if (invalid.Count > 0)
        {
            return (new SendResult(MailProblem.InvalidAddresses, string.Join(", ", invalid)), null);
        }

        if (to.Count + cc.Count + bcc.Count == 0)
        {
            return (new SendResult(MailProblem.NoRecipients), null);
        }

        // Pictures pasted into rich text as data: URIs are attachments too once sent (3 bytes in 4 characters).
        if (outgoing.Attachments.Sum(a => (long)a.Content.Length) + (outgoing.Html?.Length ?? 0) * 3L / 4 > MaxAttachmentBytes
            || outgoing.Attachments.Any(a => a.Content.Length > MaxAttachmentBytesPerFile))
        {
            return (new SendResult(MailProblem.TooLarge), null);
        }

        Sessions.SessionMailbox context;
        try
        {
            context = await current.ForAsync(authentication);
        }
        catch (MailOperationException)
        {
            return (new SendResult(MailProblem.SessionEnded), null);
        }

        var session = context.Session;
        var domain = mailOptions.CurrentValue.FindDomain(session.Domain);
        if (domain?.Smtp is null)
        {
            return (new SendResult(MailProblem.ProtocolError), null);
        }

        // From: the user's own address unless they chose an alias the school lists for them; never anything else.
        var senders = domain.SenderAddressesOf(session.Address);
        var from = outgoing.From is { Length: > 0 } chosen ? senders.FirstOrDefault(a => string.Equals(a, chosen.Trim(), StringComparison.OrdinalIgnoreCase)) : session.Address;
        if (from is null)
        {
            return (new SendResult(MailProblem.InvalidAddresses, outgoing.From), null);
        }

        var message = OutgoingMessageBuilder.Build(from, outgoing, to, cc, bcc, await DisplayNameAsync(session.Address, cancellationToken));
        return (null, (context, domain, message));
    }

    /// <summary>The message with what sending it as the user needs when they are gone; null when the session just ended.</summary>
    private static async Task<HeldMessage?> HoldAsync(
        Sessions.SessionMailbox context, MimeMessage message, OutgoingMessage outgoing, DateTimeOffset sendAt, CancellationToken cancellationToken)
    {
        Sessions.SessionRecord sender;
        try
        {
            sender = context.Session.ToRecord();
        }
        catch (Sessions.SessionEndedException)
        {
            return null;
        }

        using var mime = new MemoryStream();
        await message.WriteToAsync(mime, cancellationToken);
        return new HeldMessage(Outbox.NewId(), context.Session.Id, sender, mime.ToArray(), outgoing.RepliedToId, sendAt);
    }

    /// <summary>The name the user chose for their mail; without the settings store (down) the mail still goes, from the bare address.</summary>
    private async Task<string> DisplayNameAsync(string address, CancellationToken cancellationToken)
    {
        try
        {
            return (await settings.FindAsync(address, cancellationToken))?.DisplayName ?? "";
        }
        catch (MailOperationException exception) when (exception.Problem == MailProblem.SettingsUnavailable)
        {
            logger.LogWarning(exception, "Settings store unavailable: sending from the bare address");
            return "";
        }
    }

    public async Task<SendResult> CompleteAsync(string pendingId, CancellationToken cancellationToken = default)
    {
        var session = (await current.ForAsync(authentication)).Session;
        var completion = outbox.Find(pendingId, session.Id);
        return completion is null ? new SendResult(MailProblem.ProtocolError) : await completion.WaitAsync(cancellationToken);
    }

    public async Task<bool> UndoAsync(string pendingId)
    {
        var session = (await current.ForAsync(authentication)).Session;
        return await outbox.TryUndoAsync(pendingId, session.Id);
    }
}
