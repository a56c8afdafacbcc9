namespace WebMail.Server.Mail.Smtp;

/// <summary>The "Compose" configuration section.</summary>
public sealed class ComposeOptions
{
    public const string SectionName = "Compose";

    /// <summary>Largest total size of one message's attachments; checked before upload and again on the server.</summary>
    public long MaxAttachmentBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Largest single attachment; defaults to the total.</summary>
    public long? MaxAttachmentBytesPerFile { get; set; }

    /// <summary>How long a sent message waits on the server, cancellable ("undo send"); zero sends at once.</summary>
    public TimeSpan UndoSendDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Without Redis: the folder where sent messages wait out <see cref="UndoSendDelay"/>, encrypted, so an instance that
    /// restarts sends them (read at start-up by Hosting/SharedStateRegistration; default under the user's local data).
    /// </summary>
    public string? OutboxFolder { get; set; }

    /// <summary>How often each instance looks for scheduled messages that are due (so they go out at most this late).</summary>
    public TimeSpan ScheduledCheckInterval { get; set; } = TimeSpan.FromSeconds(15);
}
