using System.Text;

namespace WebMail.Server.Mail.Rendering;

/// <summary>
/// A text attachment's bytes as text for its preview. Text files in Chinese schools are UTF-8 or GBK/GB18030, and
/// mostly say neither (a file's own MIME part rarely carries a charset), so: the declared charset when there is
/// one, else a byte order mark, else UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GB2312 and
/// GBK that decodes any byte sequence).
/// </summary>
internal static class AttachmentTextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="cut">Whether the bytes stop at a limit, perhaps inside a character, which is then left out.</param>
    public static string Decode(byte[] bytes, string? charset, bool cut)
    {
        if (charset is { Length: > 0 } && TryEncoding(charset) is { } declared)
        {
            return declared.GetString(bytes);
        }

        var bom = Encoding.UTF8.Preamble.Length;
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            return Encoding.UTF8.GetString(bytes, bom, bytes.Length - bom);
        }

        if (bytes.AsSpan().StartsWith(Encoding.Unicode.Preamble) || bytes.AsSpan().StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        // A cut may end inside a UTF-8 sequence: judge (and show) the bytes before it.
        var judged = cut ? WholeUtf8(bytes) : bytes;
        try
        {
            return StrictUtf8.GetString(judged);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static Encoding? TryEncoding(string charset)
    {
        try
        {
            // Mail's GB2312 is in practice GBK or GB18030; the superset reads all of them.
            return charset.Trim().ToLowerInvariant() is "gb2312" or "gbk" or "x-gbk" ? Encoding.GetEncoding("GB18030") : Encoding.GetEncoding(charset.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The bytes without a UTF-8 sequence that the cut left incomplete at the end.</summary>
    private static ReadOnlySpan<byte> WholeUtf8(byte[] bytes)
    {
        var end = bytes.Length;
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // a continuation byte: look further back for the sequence's first byte
            }

            var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            end = length > back ? bytes.Length - back : bytes.Length;
            break;
        }

        return bytes.AsSpan(0, end);
    }
}
