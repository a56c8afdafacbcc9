using MimeKit;

namespace WebMail.MailSeeder;

/// <summary>Writes messages into a Maildir's cur/ folder the way Dovecot expects them.</summary>
internal sealed class MaildirWriter(string maildir)
{
    private static readonly FormatOptions UnixFormat = new() { NewLineFormat = NewLineFormat.Unix };
    private readonly string _cur = Path.Combine(maildir, "cur");
    private readonly string _uniquePrefix = $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.seed{Environment.ProcessId}";
    private int _sequence;

    /// <returns>The number of bytes written.</returns>
    public long Write(MimeMessage message, bool seen)
    {
        Directory.CreateDirectory(_cur);
        using var buffer = new MemoryStream();
        message.WriteTo(UnixFormat, buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var lineCount = bytes.Count((byte)'\n');

        // S= and W= (size with CRLF line ends) spare Dovecot from reading every file on the first POP3 STAT.
        // Zero-padded: Dovecot numbers new files in name order, and mail should arrive in date order.
        var name = $"{_uniquePrefix}_{_sequence++:D7}.school,S={bytes.Length},W={bytes.Length + lineCount}:2,{(seen ? "S" : "")}";
        var path = Path.Combine(_cur, name);
        File.WriteAllBytes(path, bytes.ToArray());
        // Dovecot takes a Maildir message's received date from the file's modification time.
        File.SetLastWriteTimeUtc(path, message.Date.UtcDateTime);
        return bytes.Length;
    }
}
