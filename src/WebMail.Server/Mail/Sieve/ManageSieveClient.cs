using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using MailKit.Security;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Options;

namespace WebMail.Server.Mail.Sieve;

/// <summary>
/// A ManageSieve client (RFC 5804) for the scripts that filter a user's mail on the server: no maintained .NET one
/// exists. It speaks only what the webmail needs (STARTTLS or implicit TLS, AUTHENTICATE with MailKit's SASL
/// mechanisms, LISTSCRIPTS, GETSCRIPT, PUTSCRIPT, CHECKSCRIPT, SETACTIVE, DELETESCRIPT, LOGOUT), checks the server's
/// certificate as the other protocols do (<see cref="MailCertificateValidator"/>), never sends a password before
/// TLS, and bounds the connection and every command by the endpoint's timeout.
/// </summary>
public sealed class ManageSieveClient : IAsyncDisposable
{
    private readonly MailEndpointOptions _endpoint;
    private readonly MailCertificateValidator _certificates;
    private TcpClient? _tcp;
    private Stream? _stream;
    private ManageSieveReader? _reader;

    public ManageSieveClient(MailEndpointOptions endpoint, MailCertificateValidator certificates) =>
        (_endpoint, _certificates) = (endpoint, certificates);

    /// <summary>What the server said it can do (upper-case names: SIEVE, SASL, STARTTLS, IMPLEMENTATION, …), as of the last greeting.</summary>
    public IReadOnlyDictionary<string, string> Capabilities { get; private set; } = new Dictionary<string, string>();

    /// <summary>The Sieve extensions the server runs (e.g. "vacation", "fileinto").</summary>
    public IReadOnlySet<string> Extensions =>
        Capabilities.TryGetValue("SIEVE", out var sieve) ? sieve.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase) : new HashSet<string>();

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        using var bounded = Bounded(cancellationToken);
        _tcp = new TcpClient();
        await _tcp.ConnectAsync(_endpoint.Host, _endpoint.Port, bounded.Token);
        _stream = _tcp.GetStream();
        if (_endpoint.Security == MailSecurity.Tls)
        {
            await StartTlsAsync(bounded.Token);
        }

        _reader = new ManageSieveReader(_stream);
        ReadCapabilities(await ExpectOkAsync("greeting", bounded.Token));
        if (_endpoint.Security == MailSecurity.StartTls)
        {
            if (!Capabilities.ContainsKey("STARTTLS"))
            {
                throw new SslHandshakeException("The ManageSieve server offers no STARTTLS; the password is not sent in the clear");
            }

            await SendAsync("STARTTLS\r\n", bounded.Token);
            await ExpectOkAsync("STARTTLS", bounded.Token);
            await StartTlsAsync(bounded.Token);
            _reader = new ManageSieveReader(_stream);
            // RFC 5804 §2.2: after TLS the server sends its capabilities again, which replace those said in the clear.
            ReadCapabilities(await ExpectOkAsync("STARTTLS", bounded.Token));
        }
    }

    /// <summary>Signs in with the first mechanism MailKit has that the server offers (PLAIN, LOGIN).</summary>
    /// <exception cref="AuthenticationException">Wrong user name or password (NO).</exception>
    public async Task AuthenticateAsync(string userName, string password, CancellationToken cancellationToken)
    {
        using var bounded = Bounded(cancellationToken);
        var offered = Capabilities.TryGetValue("SASL", out var sasl) ? sasl.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        if (!offered.Contains("PLAIN", StringComparer.OrdinalIgnoreCase))
        {
            throw new AuthenticationException("The ManageSieve server offers no PLAIN sign-in");
        }

        var mechanism = new SaslMechanismPlain(userName, password);
        var initial = mechanism.Challenge(null, bounded.Token);
        await SendAsync($"AUTHENTICATE \"PLAIN\" \"{initial}\"\r\n", bounded.Token);
        var reply = await Reader.ReadReplyAsync(bounded.Token);
        if (!reply.IsOk)
        {
            throw new AuthenticationException(reply.Text);
        }
    }

    /// <summary>The user's scripts, and which one is active (at most one).</summary>
    public async Task<IReadOnlyList<SieveScriptName>> ListScriptsAsync(CancellationToken cancellationToken)
    {
        using var bounded = Bounded(cancellationToken);
        await SendAsync("LISTSCRIPTS\r\n", bounded.Token);
        var reply = await ExpectOkAsync("LISTSCRIPTS", bounded.Token);
        return reply.Lines.Where(l => l.Count > 0)
            .Select(l => new SieveScriptName(l[0], l.Count > 1 && l[1].Equals("ACTIVE", StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <exception cref="ManageSieveCommandException">With code NONEXISTENT when there is no such script.</exception>
    public async Task<string> GetScriptAsync(string name, CancellationToken cancellationToken)
    {
        using var bounded = Bounded(cancellationToken);
        await SendAsync($"GETSCRIPT {Quote(name)}\r\n", bounded.Token);
        var reply = await ExpectOkAsync("GETSCRIPT", bounded.Token);
        return reply.Lines.FirstOrDefault()?.FirstOrDefault() ?? "";
    }

    /// <summary>Asks the server whether a script is valid, without keeping it.</summary>
    /// <returns>Null when valid; otherwise the server's words on what is wrong (with the line).</returns>
    public async Task<string?> CheckScriptAsync(string script, CancellationToken cancellationToken)
    {
        using var bounded = Bounded(cancellationToken);
        await SendAsync("CHECKSCRIPT " + Literal(script) + "\r\n", bounded.Token);
        var reply = await Reader.ReadReplyAsync(bounded.Token);
        return reply.IsOk ? null : reply.Text;
    }

    /// <summary>Stores a script (replacing one of the same name); the server checks it first.</summary>
    /// <exception cref="ManageSieveCommandException">The server refused it (a script error, a quota).</exception>
    public async Task PutScriptAsync(string name, string script, CancellationToken cancellationToken)
    {
        using var bounded = Bounded(cancellationToken);
        await SendAsync($"PUTSCRIPT {Quote(name)} {Literal(script)}\r\n", bounded.Token);
        await ExpectOkAsync("PUTSCRIPT", bounded.Token);
    }

    /// <summary>Makes a script the active one (the one run at delivery); an empty name deactivates all.</summary>
    public async Task SetActiveAsync(string name, CancellationToken cancellationToken)
    {
        using var bounded = Bounded(cancellationToken);
        await SendAsync($"SETACTIVE {Quote(name)}\r\n", bounded.Token);
        await ExpectOkAsync("SETACTIVE", bounded.Token);
    }

    public async Task DeleteScriptAsync(string name, CancellationToken cancellationToken)
    {
        using var bounded = Bounded(cancellationToken);
        await SendAsync($"DELETESCRIPT {Quote(name)}\r\n", bounded.Token);
        await ExpectOkAsync("DELETESCRIPT", bounded.Token);
    }

    /// <summary>Says goodbye (LOGOUT) after the work is done; a failed connection is only closed (disposed).</summary>
    public async Task LogoutAsync(CancellationToken cancellationToken)
    {
        using var bounded = Bounded(cancellationToken);
        await SendAsync("LOGOUT\r\n", bounded.Token);
        await Reader.ReadReplyAsync(bounded.Token);
    }

    /// <summary>Closes the connection without a word: after a failure its state is unknown, and waiting on it would delay the answer.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }

        _tcp?.Dispose();
    }

    private ManageSieveReader Reader => _reader ?? throw new InvalidOperationException("Not connected");

    private CancellationTokenSource Bounded(CancellationToken cancellationToken)
    {
        var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(_endpoint.Timeout);
        return bounded;
    }

    private async Task StartTlsAsync(CancellationToken cancellationToken)
    {
        if (_reader?.HasBufferedData == true)
        {
            throw new IOException("The ManageSieve server sent data before TLS began");
        }

        var tls = new SslStream(_stream!, leaveInnerStreamOpen: false, _certificates.Validate);
        _stream = tls;
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = _endpoint.Host }, cancellationToken);
        }
        catch (System.Security.Authentication.AuthenticationException exception)
        {
            // As MailKit reports it for IMAP, POP3 and SMTP, so one classifier tells an untrusted certificate.
            throw new SslHandshakeException("The ManageSieve server's certificate was not accepted", exception);
        }
    }

    private async Task<ManageSieveReply> ExpectOkAsync(string command, CancellationToken cancellationToken)
    {
        var reply = await Reader.ReadReplyAsync(cancellationToken);
        return reply.IsOk ? reply : throw new ManageSieveCommandException(command, reply.Code, reply.Text);
    }

    private void ReadCapabilities(ManageSieveReply reply) =>
        Capabilities = reply.Lines.Where(l => l.Count > 0)
            .GroupBy(l => l[0].ToUpperInvariant())
            .ToDictionary(g => g.Key, g => g.First().Count > 1 ? g.First()[1] : "");

    private Task SendAsync(string command, CancellationToken cancellationToken) =>
        _stream!.WriteAsync(Encoding.UTF8.GetBytes(command), cancellationToken).AsTask();

    /// <summary>A quoted string (RFC 5804 §4): backslash and double quote escaped; no line breaks (a literal carries those).</summary>
    private static string Quote(string value)
    {
        if (value.Contains('\r') || value.Contains('\n'))
        {
            throw new ArgumentException("A script name cannot hold a line break", nameof(value));
        }

        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A non-synchronizing literal ({n+}): the script's UTF-8 bytes follow at once.</summary>
    private static string Literal(string value) => $"{{{Encoding.UTF8.GetByteCount(value)}+}}\r\n{value}";
}

/// <summary>A script on the server, and whether it is the one run at delivery.</summary>
public sealed record SieveScriptName(string Name, bool Active);
