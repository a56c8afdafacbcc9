namespace WebMail.Server.Mail.Sessions;

/// <summary>Where a sign-in came from, for the user's list of signed-in devices.</summary>
public sealed record SessionOrigin(string Device, string ClientAddress);
