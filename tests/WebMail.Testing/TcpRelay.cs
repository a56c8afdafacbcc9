using System.Net;
using System.Net.Sockets;

namespace WebMail.Testing;

/// <summary>
/// A loopback port that forwards to a real server (e.g. Dovecot) until it is cut: then every open connection is
/// reset and new ones are refused, as when the mail server goes down in the middle of a session.
/// </summary>
public sealed class TcpRelay : IDisposable
{
    private readonly int _targetPort;
    private readonly IPAddress? _from;
    private readonly List<TcpClient> _open = [];
    private readonly CancellationTokenSource _cut = new();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    /// <param name="targetPort">The loopback port forwarded to.</param>
    /// <param name="from">
    /// The loopback address the relay connects from, so the server sees the clients as coming from there (Dovecot's
    /// per-address filters, <c>remote 127.0.0.77 { … }</c>); the kernel chooses when null.
    /// </param>
    public TcpRelay(int targetPort, IPAddress? from = null)
    {
        _targetPort = targetPort;
        _from = from;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    private long _bytesRelayed;

    /// <summary>Bytes forwarded so far, both ways: what went over the wire, compression included.</summary>
    public long BytesRelayed => Interlocked.Read(ref _bytesRelayed);

    /// <summary>Resets every connection through the relay and refuses new ones.</summary>
    public void Cut()
    {
        _cut.Cancel();
        _listener.Stop();
        lock (_open)
        {
            foreach (var client in _open)
            {
                try
                {
                    if (client.Client is { } socket)
                    {
                        socket.LingerState = new LingerOption(true, 0); // RST, not a polite FIN
                    }
                }
                catch (Exception exception) when (exception is ObjectDisposedException or SocketException)
                {
                    // The other side closed it a moment ago: that connection is gone already.
                }

                client.Dispose();
            }

            _open.Clear();
        }
    }

    public void Dispose() => Cut();

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var incoming = await _listener.AcceptTcpClientAsync(_cut.Token);
                var outgoing = _from is null ? new TcpClient() : new TcpClient(new IPEndPoint(_from, 0));
                await outgoing.ConnectAsync(IPAddress.Loopback, _targetPort, _cut.Token);
                lock (_open)
                {
                    _open.Add(incoming);
                    _open.Add(outgoing);
                }

                _ = PumpAsync(incoming, outgoing);
                _ = PumpAsync(outgoing, incoming);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Cut.
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            var buffer = new byte[81920];
            var source = from.GetStream();
            var target = to.GetStream();
            int read;
            while ((read = await source.ReadAsync(buffer, _cut.Token)) > 0)
            {
                await target.WriteAsync(buffer.AsMemory(0, read), _cut.Token);
                Interlocked.Add(ref _bytesRelayed, read);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        to.Dispose();
    }
}
