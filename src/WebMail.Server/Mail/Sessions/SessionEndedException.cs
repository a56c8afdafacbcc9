namespace WebMail.Server.Mail.Sessions;

/// <summary>The session is over (signed out or timed out): the user must sign in again.</summary>
public sealed class SessionEndedException() : Exception("The session has ended; sign in again.");
