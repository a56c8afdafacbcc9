namespace WebMail.Server.Mail.Connections;

/// <summary>A mail server's refusal text, fit to show a user: one short line, never what the user typed as a password.</summary>
public static class ServerReply
{
    public const int MaxLength = 300;

    public static string? Clean(string? reply, string password)
    {
        if (string.IsNullOrWhiteSpace(reply) || (password.Length > 0 && reply.Contains(password, StringComparison.Ordinal)))
        {
            return null;
        }

        var line = string.Join(' ', string.Concat(reply.Select(c => char.IsControl(c) ? ' ' : c))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        // MailKit's own words when the server said nothing of its own are not the server's reply.
        if (line.StartsWith("The IMAP server", StringComparison.Ordinal) || line.StartsWith("The POP3 server", StringComparison.Ordinal)
            || line.StartsWith("Authentication failed", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return line.Length <= MaxLength ? line : line[..MaxLength] + "…";
    }
}
