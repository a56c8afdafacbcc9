namespace WebMail.Client.Services;

public enum ComposeMode
{
    Reply,
    ReplyAll,
    Forward,

    /// <summary>The original goes along whole, as an <c>.eml</c> attachment, instead of quoted.</summary>
    ForwardAsAttachment,
}
