using MimeKit;

namespace WebMail.Server.Mail.Rendering;

/// <summary>One attachment of a parsed message: its safe name, and its content decoded on demand.</summary>
public sealed record AttachmentSource(string FileName, MimeEntity Entity)
{
    public void CopyTo(Stream destination)
    {
        switch (Entity)
        {
            case MimePart { Content: not null } part:
                part.Content.DecodeTo(destination);
                break;
            case MessagePart { Message: not null } attached:
                attached.Message.WriteTo(destination);
                break;
        }
    }

    public async Task CopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        switch (Entity)
        {
            case MimePart { Content: not null } part:
                await part.Content.DecodeToAsync(destination, cancellationToken);
                break;
            case MessagePart { Message: not null } attached:
                await attached.Message.WriteToAsync(destination, cancellationToken);
                break;
        }
    }
}
