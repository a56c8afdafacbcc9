namespace WebMail.Client.Services;

/// <summary>What the message list is ordered by. <see cref="Date"/> newest first is the usual view.</summary>
public enum MessageSort
{
    Date,
    From,
    Subject,
    Size,
}
