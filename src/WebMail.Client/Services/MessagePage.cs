namespace WebMail.Client.Services;

/// <summary>A page of the inbox, newest first.</summary>
public sealed record MessagePage(IReadOnlyList<MessageSummary> Messages, int TotalCount, int PageIndex, int PageSize)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}
