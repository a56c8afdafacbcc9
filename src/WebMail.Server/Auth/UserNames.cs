namespace WebMail.Server.Auth;

/// <summary>What a user types into the user name field, made into a mail address.</summary>
public static class UserNames
{
    /// <summary>
    /// "alice" becomes "alice@defaultdomain"; "Alice@School.edu.cn" becomes "alice@school.edu.cn".
    /// Null when it cannot be an address (spaces, several @, control characters, nothing before the @).
    /// </summary>
    public static string? ToAddress(string userName, string defaultDomain)
    {
        var trimmed = userName.Trim();
        if (trimmed.Length is 0 or > 254 || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return null;
        }

        var at = trimmed.IndexOf('@');
        if (at < 0)
        {
            return string.IsNullOrEmpty(defaultDomain) ? null : $"{trimmed}@{defaultDomain}".ToLowerInvariant();
        }

        return at == 0 || at == trimmed.Length - 1 || trimmed.IndexOf('@', at + 1) >= 0 ? null : trimmed.ToLowerInvariant();
    }

    public static string DomainOf(string address) => address[(address.IndexOf('@') + 1)..];
}
