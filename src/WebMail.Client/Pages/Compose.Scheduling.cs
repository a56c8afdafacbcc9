using Microsoft.AspNetCore.Components;
using WebMail.Client.Services;

namespace WebMail.Client.Pages;

/// <summary>Send later (issue 19): scheduling the message in the form, and taking a scheduled one back into it.</summary>
public sealed partial class Compose
{
    private DateTimeOffset? _scheduledFor;

    [Inject]
    private IScheduledMailService Scheduled { get; set; } = null!;

    /// <summary>A scheduled message to take back and write on (from the Scheduled list): it will not be sent then.</summary>
    [SupplyParameterFromQuery(Name = "scheduled")]
    private string? ScheduledId { get; set; }

    private async Task ScheduleAsync(DateTimeOffset sendAt)
    {
        await ReadEditorAsync();
        if (!AddressesValid())
        {
            return;
        }

        _sending = true;
        _problem = null;
        try
        {
            var result = await Sender.ScheduleAsync(CurrentMessage(), sendAt, _disposed.Token);
            if (result.Succeeded)
            {
                _scheduledFor = sendAt;
                await SavesDoneAsync();
                await Drafts.DiscardAsync(_draftRef, _disposed.Token);
                _draftRef = null;
            }
            else
            {
                // Every field and attachment stays as it was.
                (_problem, _problemDetail) = (result.Problem, result.Detail);
            }
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
        finally
        {
            _sending = false;
        }
    }

    /// <summary>The scheduled message, out of the schedule and into the form; null (with the problem shown) when it is being sent or gone.</summary>
    private async Task<TakenBackMessage?> TakeBackScheduledAsync(string id)
    {
        var message = await Scheduled.TakeBackAsync(id, _disposed.Token);
        if (message is null)
        {
            _problem = MailProblem.MessageNotFound;
        }

        return message;
    }

    /// <summary>The copy a failed scheduled message left in the Drafts folder, opened so saves replace it; null when it is gone (the user deleted it).</summary>
    private async Task<SessionDraftCopy?> DraftCopyOfAsync(TakenBackMessage? takenBack)
    {
        if (takenBack?.DraftId is not { } draftId)
        {
            return null;
        }

        try
        {
            return await Drafts.OpenAsync(draftId, _disposed.Token);
        }
        catch (MailOperationException)
        {
            return null;
        }
    }
}
