namespace WebMail.Client.Services;

/// <summary>The outcome of checking one configured mail server.</summary>
/// <param name="Domain">The mail domain it serves.</param>
/// <param name="Protocol">IMAP, POP3 or SMTP.</param>
/// <param name="Endpoint">Host, port and TLS mode, as configured.</param>
/// <param name="Problem"><see cref="MailProblem.None"/> when the server answered over a trusted connection.</param>
/// <param name="Elapsed">How long connecting (with TLS) took.</param>
public sealed record MailServerStatus(string Domain, string Protocol, string Endpoint, MailProblem Problem, TimeSpan Elapsed)
{
    public bool IsHealthy => Problem == MailProblem.None;
}
