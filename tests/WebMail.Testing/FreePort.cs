using System.Net;
using System.Net.Sockets;

namespace WebMail.Testing;

public static class FreePort
{
    // Below Linux's ephemeral range (32768–60999 by default): a port the kernel hands out for listening on port 0 is
    // also one it hands out as the local end of outgoing connections, and the tests open many (IMAP, SMTP, Redis),
    // so a port found free there was sometimes taken by a connection before the test bound it.
    private const int First = 20000;
    private const int Last = 32000;

    /// <summary>A loopback port nothing listens on (taken and released at once), outside the range outgoing connections use.</summary>
    public static int Find() => FindOtherThan(0);

    /// <summary>A free loopback port other than <paramref name="taken"/> (found a moment ago, not yet bound).</summary>
    public static int FindOtherThan(int taken)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            if (port == taken)
            {
                continue;
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use: another.
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {Last}");
    }
}
