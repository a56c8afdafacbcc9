using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using WebMail.Client;
using WebMail.Client.Services;
using WebMail.Server.Mail.Options;

namespace WebMail.Server.Mail.Smtp;

/// <summary>The circuit user's read receipts: sent through the same submission as their mail, with no copy kept.</summary>
public sealed class ReadReceiptService(
    CurrentMailbox current, AuthenticationStateProvider authentication, Submission submission, IOptionsMonitor<MailOptions> mailOptions,
    IStringLocalizer<UiText> text, TimeProvider clock, ILogger<ReadReceiptService> logger) : IReadReceiptService
{
    public async Task<SendResult> SendAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var context = await current.ForAsync(authentication);
        var view = (await context.OpenAsync(messageId, cancellationToken)).View;
        if (view.ReceiptTo is null || context.ReceiptHandled(messageId))
        {
            return new SendResult(MailProblem.None);
        }

        if (mailOptions.CurrentValue.FindDomain(context.Session.Domain) is not { Smtp: not null } domain)
        {
            return new SendResult(MailProblem.ProtocolError);
        }

        var subject = text["Receipt_Subject", view.Subject];
        var readable = text[MessageDates.IsKnown(view.Date) ? "Receipt_Text" : "Receipt_TextUndated", ReadReceipt.SentAt(view), context.Session.Address, view.Subject];
        var receipt = ReadReceipt.Build(view, context.Session.Address, subject, readable, clock.GetUtcNow());
        var result = await submission.SubmitAsync(domain, context.Session, receipt, cancellationToken);
        if (result.Succeeded)
        {
            logger.LogInformation("{Address} sent a read receipt", context.Session.Address);
            await MarkAsync(context, messageId, cancellationToken);
        }

        return result;
    }

    public async Task DeclineAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var context = await current.ForAsync(authentication);
        await context.ReceiptHandledAsync(messageId, cancellationToken);
    }

    /// <summary>The receipt went out: the mark is best effort (the session remembers it whatever the server says).</summary>
    private async Task MarkAsync(Sessions.SessionMailbox context, string messageId, CancellationToken cancellationToken)
    {
        try
        {
            await context.ReceiptHandledAsync(messageId, cancellationToken);
        }
        catch (MailOperationException exception)
        {
            logger.LogInformation("Read receipt of {Address} sent, not marked on the server: {Problem}", context.Session.Address, exception.Problem);
        }
    }
}
