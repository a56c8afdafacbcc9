namespace WebMail.Server.Mail.Options;

/// <summary>The "Reading" configuration section.</summary>
public sealed class ReadingOptions
{
    public const string SectionName = "Reading";

    /// <summary>
    /// Messages larger than this (as the server counts them) are not downloaded to be shown: the reader gets their
    /// headers and a download of the original, streamed from the server. Sized for a school: lecture recordings and
    /// scanned theses arrive by mail, but each open of a larger one would hold it in memory two or three times.
    /// </summary>
    public long MaxMessageBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// On a server without SORT (Coremail, Exchange, Tencent), sorting by sender, subject or size is done here over at
    /// most this many of the newest matches (their envelopes are fetched to sort them); the page says so when a folder
    /// has more. Sorting by date needs no envelopes there: arrival order stands in for it.
    /// </summary>
    public int MaxLocalSort { get; set; } = 5_000;
}
