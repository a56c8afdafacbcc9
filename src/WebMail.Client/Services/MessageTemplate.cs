namespace WebMail.Client.Services;

/// <summary>A message saved to start others from (a weekly notice, a standard reply): recipients, subject and text.</summary>
public sealed record MessageTemplate(string Id, string Name, string To, string Subject, string Body)
{
    public static string NewId() => Guid.NewGuid().ToString("N")[..12];
}
