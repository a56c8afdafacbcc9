namespace WebMail.Client.Services;

public enum ComposeMode
{
    Reply,
    ReplyAll,
    Forward,
}
