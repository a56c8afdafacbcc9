namespace WebMail.Client.Services;

/// <summary>A message that was moved (to another folder, or to Trash): its id there and the folder it came from, so it can go back.</summary>
public sealed record MovedMessage(string NewId, string FromFolder);
