namespace WebMail.Client.Services;

/// <param name="UserName">An address (alice@school.edu.cn) or a bare user name, to which the default domain is added.</param>
/// <param name="Password">Used once to prove the user to the mail server, then kept only encrypted in server memory.</param>
/// <param name="Reading">The protocol to read mail with; null means the domain's default.</param>
public sealed record SignInRequest(string UserName, string Password, ReadingProtocol? Reading)
{
    // A record's generated ToString would print the password into any log or exception message that formats it.
    public override string ToString() => $"SignInRequest {{ UserName = {UserName}, Reading = {Reading} }}";
}
