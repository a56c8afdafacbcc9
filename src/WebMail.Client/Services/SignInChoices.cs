namespace WebMail.Client.Services;

/// <summary>What the sign-in page offers.</summary>
/// <param name="DefaultDomain">Added to a bare user name.</param>
/// <param name="OffersProtocolChoice">Some domain can be read over both IMAP and POP3, so the user may choose.</param>
public sealed record SignInChoices(string DefaultDomain, bool OffersProtocolChoice);
