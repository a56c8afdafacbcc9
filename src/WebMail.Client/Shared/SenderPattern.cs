using System.Text.RegularExpressions;

namespace WebMail.Client.Shared;

/// <summary>What the filters pages take as a sender: an address, or "@domain" for everyone there. The server checks again.</summary>
public static partial class SenderPattern
{
    public static bool IsAddress(string value) => Address().IsMatch(value.Trim());

    public static bool IsAddressOrDomain(string value) => IsAddress(value) || Domain().IsMatch(value.Trim());

    [GeneratedRegex(@"^[^@\s""]+@[^@\s""]+\.[^@\s""]+$")]
    private static partial Regex Address();

    [GeneratedRegex(@"^@[^@\s""]+\.[^@\s""]+$")]
    private static partial Regex Domain();
}
