using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace WebMail.Testing.Quirks;

/// <summary>
/// An IMAP server that behaves like one that cannot run here: a TLS port on loopback (with the demo certificate, so
/// WebMail connects to it as to any school's server) that forwards to the real Dovecot over TLS, rewriting the
/// capabilities and refusing what <see cref="ImapQuirks"/> says that server refuses. It records every command the
/// client sent (credentials masked), so a test can show the protocol WebMail spoke.
/// </summary>
public sealed partial class ImapQuirkRelay : IAsyncDisposable
{
    private readonly ImapQuirks _quirks;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _commands = [];

    public ImapQuirkRelay(ImapQuirks quirks)
    {
        _quirks = quirks;
        var keyFile = Path.Combine(Path.GetDirectoryName(DemoMailServer.CertificateFile)!, "key.pem");
        _certificate = X509Certificate2.CreateFromPemFile(DemoMailServer.CertificateFile, keyFile);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>The commands clients sent, without tags, credentials masked, in order.</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    /// <summary>Configuration that points WebMail's IMAP at this relay (the rest stays on the demo server), with overrides.</summary>
    public Dictionary<string, string?> AppConfiguration(params (string Key, string Value)[] overrides)
    {
        var settings = DemoMailServer.AppConfiguration();
        settings["Mail:Domains:0:Imap:Port"] = Port.ToString();
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var upstreamSocket = new TcpClient();
        try
        {
            await using var front = new SslStream(client.GetStream());
            await front.AuthenticateAsServerAsync(_certificate, false, false);
            await upstreamSocket.ConnectAsync(IPAddress.Loopback, DemoMailServer.ImapsPort, _stop.Token);
            await using var back = new SslStream(upstreamSocket.GetStream(), false, (_, certificate, _, _) =>
                certificate is not null && certificate.GetCertHashString() == _certificate.GetCertHashString());
            await back.AuthenticateAsClientAsync("127.0.0.1");
            var connection = new Connection(front, back);
            await Task.WhenAny(PumpFromServerAsync(connection), PumpFromClientAsync(connection));
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException
            or System.Security.Authentication.AuthenticationException)
        {
            // A client or the server went away: so does this connection.
        }
    }

    private async Task PumpFromServerAsync(Connection connection)
    {
        var reader = new LineReader(connection.Back);
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var text = Encoding.Latin1.GetString(line);
            if (CapabilityList().Match(text) is { Success: true } capabilities)
            {
                line = Encoding.Latin1.GetBytes(text.Replace(capabilities.Groups["list"].Value, RewriteCapabilities(capabilities.Groups["list"].Value), StringComparison.Ordinal));
            }
            else if (connection.XlistTag is { } xlist && text.StartsWith("* LIST ", StringComparison.Ordinal))
            {
                line = Encoding.Latin1.GetBytes(AsXlist(text));
            }
            else if (_quirks.FolderNames.Count > 0 && MailboxLine().IsMatch(text))
            {
                line = Encoding.Latin1.GetBytes(RenameForClient(text));
            }
            else if (connection.XlistTag is { } done && text.StartsWith(done + " ", StringComparison.Ordinal))
            {
                connection.XlistTag = null;
            }

            await connection.ToClientAsync(line, _stop.Token);
            if (LiteralLength(text) is { } length)
            {
                await connection.ToClientAsync(await reader.ReadExactlyAsync(length, _stop.Token), _stop.Token);
            }
        }
    }

    private async Task PumpFromClientAsync(Connection connection)
    {
        var reader = new LineReader(connection.Front);
        // A command may go on after a literal ("SEARCH SUBJECT {12+}" CRLF, 12 bytes, then the rest of the line).
        var continuation = false;
        var refused = false;
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var text = Encoding.Latin1.GetString(line).TrimEnd('\r', '\n');
            if (!continuation)
            {
                var parts = text.Split(' ', 4);
                refused = false;
                if (parts.Length >= 2)
                {
                    Record(parts);
                    if (Refusal(connection, parts) is { } refusal)
                    {
                        refused = true;
                        await connection.ToClientAsync(Encoding.ASCII.GetBytes($"{parts[0]} {refusal}\r\n"), _stop.Token);
                    }
                }
            }
            else
            {
                RecordContinuation(text);
            }

            if (!refused && !continuation && _quirks.AnswerXlist && text.Split(' ', 3) is [var tag, var xlist, var arguments]
                && xlist.Equals("XLIST", StringComparison.OrdinalIgnoreCase))
            {
                // Dovecot has no XLIST: ask it for what XLIST answers, and mark its answer as XLIST's (PumpFromServerAsync).
                connection.XlistTag = tag;
                line = Encoding.Latin1.GetBytes($"{tag} LIST {arguments} RETURN (SPECIAL-USE)\r\n");
            }

            if (!refused)
            {
                await connection.ToServerAsync(_quirks.FolderNames.Count > 0 ? Encoding.Latin1.GetBytes(RenameForServer(Encoding.Latin1.GetString(line))) : line, _stop.Token);
            }

            continuation = false;
            if (LiteralLength(text) is { } length)
            {
                if (refused && !text.EndsWith("+}", StringComparison.Ordinal))
                {
                    continue; // a synchronizing literal waits for "+": after the refusal the client sends nothing more
                }

                var literal = await reader.ReadExactlyAsync(length, _stop.Token);
                if (!refused)
                {
                    await connection.ToServerAsync(literal, _stop.Token);
                }

                continuation = true;
            }
        }
    }

    /// <summary>What the quirky server answers instead of passing the command on, or null to pass it on.</summary>
    private string? Refusal(Connection connection, string[] parts)
    {
        var command = parts[1].ToUpperInvariant();
        if (command == "ID")
        {
            connection.IdSent = true;
        }

        if (_quirks.RequireIdBeforeSelect && !connection.IdSent && command is "SELECT" or "EXAMINE")
        {
            return $"NO {command} {ImapQuirks.UnsafeLoginText}";
        }

        if (_quirks.AuthorizationCodeRequired && command is "LOGIN" or "AUTHENTICATE")
        {
            return "NO " + ImapQuirks.AuthorizationCodeText;
        }

        if (_quirks.RejectSaslInitialResponse && command == "AUTHENTICATE" && parts.Length >= 4)
        {
            return "BAD " + ImapQuirks.SaslInitialResponseRefusal;
        }

        if (_quirks.RejectUtf8Search && parts.Length >= 3 && string.Join(' ', parts.Skip(1)).ToUpperInvariant() is var rest
            && (rest.StartsWith("SEARCH", StringComparison.Ordinal) || rest.StartsWith("UID SEARCH", StringComparison.Ordinal))
            && rest.Contains("CHARSET UTF-8", StringComparison.Ordinal))
        {
            return "NO " + ImapQuirks.BadCharsetText;
        }

        if (_quirks.RejectDescendingUidSets && command == "UID" && parts.Length >= 4 && !IsAscending(parts[3].Split(' ')[0]))
        {
            return "BAD " + ImapQuirks.UidSetRefusal;
        }

        return null;
    }

    private void Record(string[] parts)
    {
        var command = parts[1].ToUpperInvariant();
        var shown = command is "LOGIN" or "AUTHENTICATE"
            ? $"{command} {(parts.Length > 2 ? parts[2] : "")} ***"
            : string.Join(' ', parts.Skip(1));
        lock (_commands)
        {
            _commands.Add(shown);
        }
    }

    private void RecordContinuation(string text)
    {
        lock (_commands)
        {
            if (_commands.Count > 0)
            {
                _commands[^1] += " " + text;
            }
        }
    }

    /// <summary>"1:3,7,9:12" is ascending; "12:9" or "7,3" is not. "*" stands for the largest.</summary>
    public static bool IsAscending(string set)
    {
        var previous = 0L;
        foreach (var item in set.Split(','))
        {
            var bounds = item.Split(':').Select(b => b == "*" ? long.MaxValue : long.TryParse(b, out var n) ? n : -1).ToArray();
            if (bounds.Any(b => b < 0))
            {
                return true; // not a set (a search key, say): nothing to judge
            }

            foreach (var bound in bounds)
            {
                if (bound < previous)
                {
                    return false;
                }

                previous = bound;
            }
        }

        return true;
    }

    /// <summary>A LIST, LSUB or STATUS line as this server would send it: its own folder names, no special-use attributes.</summary>
    private string RenameForClient(string line) => WithTheirNames(SpecialUseAttribute().Replace(line, ""));

    /// <summary>A LIST line as XLIST's answer: this server's folder names, the special folders marked as XLIST marks them.</summary>
    private string AsXlist(string line) =>
        "* XLIST " + WithTheirNames(line.Replace("\\Junk", "\\Spam", StringComparison.Ordinal))["* LIST ".Length..];

    private string WithTheirNames(string line)
    {
        foreach (var (dovecot, theirs) in _quirks.FolderNames)
        {
            line = Regex.Replace(line, $@"(?<= )""?{Regex.Escape(dovecot)}""?(?=[ \r\n]|$)", theirs);
        }

        return line;
    }

    /// <summary>A command naming this server's folders, as Dovecot knows them.</summary>
    private string RenameForServer(string line)
    {
        foreach (var (dovecot, theirs) in _quirks.FolderNames)
        {
            line = line.Replace(theirs, dovecot, StringComparison.Ordinal);
        }

        return line;
    }

    private string RewriteCapabilities(string list)
    {
        var kept = list.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(c => !_quirks.RemoveCapabilities.Contains(c, StringComparer.OrdinalIgnoreCase));
        return string.Join(' ', kept.Concat(_quirks.AddCapabilities.Where(a => !list.Split(' ').Contains(a, StringComparer.OrdinalIgnoreCase))));
    }

    private static int? LiteralLength(string line) =>
        LiteralAtEnd().Match(line) is { Success: true } match ? int.Parse(match.Groups["length"].Value) : null;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _certificate.Dispose();
    }

    [GeneratedRegex(@"(?:^\* CAPABILITY |\[CAPABILITY )(?<list>[^\]\r\n]*)")]
    private static partial Regex CapabilityList();

    [GeneratedRegex(@"^\* (LIST|LSUB|STATUS|XLIST) ")]
    private static partial Regex MailboxLine();

    [GeneratedRegex(@" ?\\(Sent|Drafts|Trash|Junk|Archive|All|Flagged)\b")]
    private static partial Regex SpecialUseAttribute();

    [GeneratedRegex(@"\{(?<length>\d+)\+?\}\r?\n?$")]
    private static partial Regex LiteralAtEnd();

    private sealed class Connection(Stream front, Stream back)
    {
        private readonly SemaphoreSlim _toClient = new(1, 1);

        public Stream Front { get; } = front;

        public Stream Back { get; } = back;

        public bool IdSent { get; set; }

        /// <summary>The tag of the XLIST command being answered, while it is.</summary>
        public string? XlistTag { get; set; }

        public async Task ToClientAsync(byte[] data, CancellationToken cancellationToken)
        {
            await _toClient.WaitAsync(cancellationToken);
            try
            {
                await Front.WriteAsync(data, cancellationToken);
                await Front.FlushAsync(cancellationToken);
            }
            finally
            {
                _toClient.Release();
            }
        }

        public async Task ToServerAsync(byte[] data, CancellationToken cancellationToken)
        {
            await Back.WriteAsync(data, cancellationToken);
            await Back.FlushAsync(cancellationToken);
        }
    }

    /// <summary>Reads CRLF-terminated lines and literals from a stream, byte for byte as they came.</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task<byte[]?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new MemoryStream();
            while (true)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    return line.Length > 0 ? line.ToArray() : null;
                }

                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (newline >= 0)
                {
                    line.Write(_buffer, _start, newline + 1 - _start);
                    _start = newline + 1;
                    return line.ToArray();
                }

                line.Write(_buffer, _start, _end - _start);
                _start = _end;
            }
        }

        public async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
        {
            var data = new byte[count];
            var filled = 0;
            while (filled < count)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    throw new EndOfStreamException();
                }

                var take = Math.Min(count - filled, _end - _start);
                Array.Copy(_buffer, _start, data, filled, take);
                _start += take;
                filled += take;
            }

            return data;
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancellationToken);
            return _end > 0;
        }
    }
}
