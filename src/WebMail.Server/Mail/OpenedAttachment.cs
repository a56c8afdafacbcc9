using MimeKit;
using WebMail.Client.Services;
using WebMail.Server.Mail.Rendering;
using WebMail.Server.Mail.Sessions;

namespace WebMail.Server.Mail;

/// <summary>
/// One attachment of an opened message, wherever its bytes are: in the session's cached copy of the message, or
/// still on the server for a message too large to keep (then decoded as it streams). The single download, the zip,
/// the previews and the text preview all read attachments through here.
/// </summary>
internal sealed class OpenedAttachment
{
    private readonly Func<Stream, CancellationToken, Task> _copy;

    private OpenedAttachment(AttachmentInfo info, string? charset, Func<Stream, CancellationToken, Task> copy)
    {
        Info = info;
        Charset = charset;
        _copy = copy;
    }

    public AttachmentInfo Info { get; }

    /// <summary>The charset the part declares, where it was parsed here (not for a message too large to keep).</summary>
    public string? Charset { get; }

    /// <summary>Attachment <paramref name="index"/> as the reader lists it, or null when the message has none such.</summary>
    public static OpenedAttachment? Find(SessionMailbox context, RenderedMessage rendered, int index)
    {
        if (rendered.View.Attachments.FirstOrDefault(a => a.Index == index) is not { } info)
        {
            return null;
        }

        if (rendered.TooLarge)
        {
            var id = rendered.View.Id;
            return new OpenedAttachment(info, null, (target, token) => context.Store.CopyAttachmentToAsync(id, index, target, token));
        }

        return MessageRenderer.FindAttachment(rendered.Raw, index) is { } source
            ? new OpenedAttachment(info, (source.Entity as MimePart)?.ContentType.Charset, source.CopyToAsync)
            : null;
    }

    public Task CopyToAsync(Stream target, CancellationToken cancellationToken) => _copy(target, cancellationToken);

    /// <summary>The decoded content, at most <paramref name="limit"/> bytes of it; reading stops there.</summary>
    public async Task<(byte[] Bytes, bool Cut)> ReadAsync(int limit, CancellationToken cancellationToken)
    {
        // Reading is cancelled once the limit is reached: a huge part (perhaps still coming from the server) is not
        // decoded to its end for nothing. Cancelling drops that IMAP connection; the next call opens another.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var buffer = new BoundedBuffer(limit, stop);
        try
        {
            await _copy(buffer, stop.Token);
        }
        catch (OperationCanceledException) when (buffer.Full && !cancellationToken.IsCancellationRequested)
        {
        }

        return (buffer.ToArray(), buffer.Full);
    }

    /// <summary>A write-only stream that keeps at most its limit in memory and asks the writer to stop once more comes.</summary>
    private sealed class BoundedBuffer(int limit, CancellationTokenSource stop) : Stream
    {
        private readonly MemoryStream _kept = new();

        public bool Full { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _kept.Length;

        public override long Position { get => _kept.Length; set => throw new NotSupportedException(); }

        public byte[] ToArray() => _kept.ToArray();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var room = (int)Math.Max(0, limit - _kept.Length);
            _kept.Write(buffer[..Math.Min(room, buffer.Length)]);
            if (buffer.Length > room && !Full)
            {
                Full = true;
                stop.Cancel();
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
