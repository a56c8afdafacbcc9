using System.Text;

namespace WebMail.Server.Mail.Sieve;

/// <summary>
/// One reply of a ManageSieve server (RFC 5804 §1.3): the lines before it (capabilities, script names, a script),
/// each as its strings and atoms, and the closing OK, NO or BYE with its response code and human-readable text.
/// </summary>
public sealed record ManageSieveReply(string Status, string? Code, string Text, IReadOnlyList<IReadOnlyList<string>> Lines)
{
    public bool IsOk => Status == "OK";
}

/// <summary>The server answered a command with NO (or BYE): its response code (e.g. NONEXISTENT) and its words.</summary>
public sealed class ManageSieveCommandException(string command, string? code, string text)
    : Exception($"{command}: {(code is null ? "" : $"({code}) ")}{text}")
{
    public string? Code { get; } = code;

    /// <summary>What the server said, as it said it (for a script error: the line and the reason).</summary>
    public string Text { get; } = text;
}

/// <summary>Reads replies from a ManageSieve stream: lines of atoms, quoted strings and literals ({n} or {n+}).</summary>
internal sealed class ManageSieveReader(Stream stream)
{
    /// <summary>A literal larger than this (a script is bounded by the server too) ends the connection.</summary>
    private const int MaxLiteralBytes = 4 * 1024 * 1024;

    private readonly byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;

    public async Task<ManageSieveReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var lines = new List<IReadOnlyList<string>>();
        while (true)
        {
            var tokens = await ReadLineAsync(cancellationToken);
            // A status is an atom: a script named "OK" (a quoted string) is not one.
            if (tokens.Count > 0 && tokens[0].Atom && tokens[0].Value is "OK" or "NO" or "BYE")
            {
                var rest = tokens.Skip(1).ToList();
                var code = rest.Count > 0 && rest[0].Atom && rest[0].Value.StartsWith('(') ? rest[0].Value.Trim('(', ')') : null;
                var text = string.Join(" ", rest.Skip(code is null ? 0 : 1).Select(t => t.Value));
                return new ManageSieveReply(tokens[0].Value, code, text, lines);
            }

            lines.Add(tokens.Select(t => t.Value).ToList());
        }
    }

    private async Task<List<(string Value, bool Atom)>> ReadLineAsync(CancellationToken cancellationToken)
    {
        var tokens = new List<(string Value, bool Atom)>();
        while (true)
        {
            var b = await ReadByteAsync(cancellationToken);
            switch (b)
            {
                case ' ' or '\r':
                    continue;
                case '\n':
                    return tokens;
                case '"':
                    tokens.Add((await ReadQuotedAsync(cancellationToken), false));
                    break;
                case '{':
                    tokens.Add((await ReadLiteralAsync(cancellationToken), false));
                    break;
                case '(':
                    tokens.Add(("(" + await ReadUntilAsync(')', cancellationToken) + ")", true));
                    break;
                default:
                    tokens.Add(((char)b + await ReadAtomAsync(cancellationToken), true));
                    break;
            }
        }
    }

    private async Task<string> ReadQuotedAsync(CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = await ReadByteAsync(cancellationToken);
            if (b == '"')
            {
                return Encoding.UTF8.GetString([.. bytes]);
            }

            bytes.Add((byte)(b == '\\' ? await ReadByteAsync(cancellationToken) : b));
        }
    }

    private async Task<string> ReadLiteralAsync(CancellationToken cancellationToken)
    {
        var size = (await ReadUntilAsync('}', cancellationToken)).TrimEnd('+');
        if (!int.TryParse(size, out var length) || length < 0 || length > MaxLiteralBytes)
        {
            throw new IOException($"ManageSieve literal of unexpected size {size}");
        }

        // The literal's data starts after the line break that ends "{n}".
        while (await ReadByteAsync(cancellationToken) != '\n')
        {
        }

        // Copied from the buffer a block at a time: a script may be a megabyte.
        var data = new byte[length];
        for (var copied = 0; copied < length;)
        {
            await FillAsync(cancellationToken);
            var block = Math.Min(length - copied, _end - _start);
            Buffer.BlockCopy(_buffer, _start, data, copied, block);
            (_start, copied) = (_start + block, copied + block);
        }

        return Encoding.UTF8.GetString(data);
    }

    private async Task<string> ReadUntilAsync(char end, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        int b;
        while ((b = await ReadByteAsync(cancellationToken)) != end)
        {
            text.Append((char)b);
        }

        return text.ToString();
    }

    private async Task<string> ReadAtomAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        while (true)
        {
            var b = await PeekByteAsync(cancellationToken);
            if (b is ' ' or '\r' or '\n')
            {
                return text.ToString();
            }

            text.Append((char)await ReadByteAsync(cancellationToken));
        }
    }

    private async ValueTask<int> PeekByteAsync(CancellationToken cancellationToken)
    {
        await FillAsync(cancellationToken);
        return _buffer[_start];
    }

    // ValueTask, and nothing awaited while the buffer holds data: one byte at a time costs no allocation.
    private async ValueTask<int> ReadByteAsync(CancellationToken cancellationToken)
    {
        await FillAsync(cancellationToken);
        return _buffer[_start++];
    }

    private ValueTask FillAsync(CancellationToken cancellationToken) =>
        _start < _end ? ValueTask.CompletedTask : RefillAsync(cancellationToken);

    private async ValueTask RefillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await stream.ReadAsync(_buffer, cancellationToken);
        if (_end == 0)
        {
            throw new IOException("The ManageSieve server closed the connection");
        }
    }

    /// <summary>Bytes read ahead of a STARTTLS switch would belong to the plain stream; there must be none.</summary>
    public bool HasBufferedData => _start < _end;
}
