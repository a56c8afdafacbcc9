namespace WebMail.Client.Services;

/// <summary>
/// A message's date is <see cref="DateTimeOffset.MinValue"/> when nothing in it says a time (no readable Date or
/// Received header, no arrival time from the server). Such a date is left out, not drawn as the year 1.
/// </summary>
public static class MessageDates
{
    public static bool IsKnown(DateTimeOffset date) => date != DateTimeOffset.MinValue;
}
