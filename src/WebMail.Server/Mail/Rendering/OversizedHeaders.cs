namespace WebMail.Server.Mail.Rendering;

/// <summary>
/// Cuts header fields longer than <see cref="MaxFieldBytes"/> before MimeKit parses a message. MimeKit unfolds a
/// field by copying it again for every folded line, so one header of a megabyte in 70-byte lines took 11 seconds of
/// CPU on every open (found when a hostile-mail test ran on a busy machine and took 40). No real header comes near
/// the bound: RFC 5322 limits a line to 998 bytes, and the longest real fields (References, DKIM) are a few kilobytes.
/// </summary>
public static class OversizedHeaders
{
    public const int MaxFieldBytes = 64 * 1024;

    /// <summary>
    /// <paramref name="raw"/> itself when no header field is too long; otherwise a copy with each such field cut to
    /// the bound at a line's end. Header fields are those of the message and of each part (after a line starting with
    /// <c>--</c>, as a boundary does, up to the next empty line).
    /// </summary>
    public static byte[] Cut(byte[] raw, out bool cut)
    {
        List<(int Start, int Length)>? kept = null;
        var inHeader = true;
        var fieldBytes = 0;
        var start = 0;
        while (start < raw.Length)
        {
            var newline = Array.IndexOf(raw, (byte)'\n', start);
            var end = newline < 0 ? raw.Length : newline + 1;
            var length = end - start;
            var keep = length;
            if (inHeader)
            {
                var content = length - (newline < 0 ? 0 : 1) - (length >= 2 && raw[end - 2] == '\r' ? 1 : 0);
                if (content == 0)
                {
                    inHeader = false;
                }
                else
                {
                    var continuation = raw[start] is (byte)' ' or (byte)'\t';
                    var before = continuation ? fieldBytes : 0;
                    fieldBytes = before + length;
                    if (fieldBytes > MaxFieldBytes)
                    {
                        // A field's first line keeps what fits (then its line ending); later folded lines go whole.
                        keep = continuation ? 0 : MaxFieldBytes;
                    }
                }
            }
            else if (length >= 2 && raw[start] == '-' && raw[start + 1] == '-')
            {
                inHeader = true;
                fieldBytes = 0;
            }

            if (keep < length)
            {
                kept ??= [(0, start)];
                if (keep > 0)
                {
                    kept.Add((start, keep));
                    kept.Add((0, -1)); // a line ending in place of what was cut
                }
            }
            else
            {
                kept?.Add((start, length));
            }

            start = end;
        }

        cut = kept is not null;
        return kept is null ? raw : Join(raw, kept);
    }

    private static byte[] Join(byte[] raw, List<(int Start, int Length)> kept)
    {
        var output = new MemoryStream();
        foreach (var (start, length) in kept)
        {
            if (length < 0)
            {
                output.Write("\r\n"u8);
            }
            else
            {
                output.Write(raw, start, length);
            }
        }

        return output.ToArray();
    }
}
