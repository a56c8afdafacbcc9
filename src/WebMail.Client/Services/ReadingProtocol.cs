namespace WebMail.Client.Services;

/// <summary>The protocol a mailbox is read with.</summary>
public enum ReadingProtocol
{
    Imap,
    Pop3,
}
