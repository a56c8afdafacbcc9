using System.Net;
using System.Net.Sockets;

namespace WebMail.Testing;

public static class FreePort
{
    /// <summary>A loopback port nothing listens on (taken and released at once).</summary>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
