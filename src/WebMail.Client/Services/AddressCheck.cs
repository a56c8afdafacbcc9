namespace WebMail.Client.Services;

/// <summary>The addresses of one field, parsed: how many are fine and which entries are not addresses.</summary>
public sealed record AddressCheck(int ValidCount, IReadOnlyList<string> Invalid)
{
    public bool IsValid => Invalid.Count == 0;
}
