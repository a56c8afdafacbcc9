using System.Net;
using System.Net.Sockets;
using WebMail.Testing;

namespace WebMail.IntegrationTests.Testing;

/// <summary>
/// The helper that starts Debian's redis-server and nginx for tests: a port found free and taken by another process
/// before the program binds it (a parallel run's race, seen in CI) must cost a retry, not a failed test.
/// </summary>
public sealed class LocalServerProcessTests
{
    [Fact]
    public async Task StartOnFreePort_PortTakenBeforeTheProgramBindsIt_StartsOnAnotherPort()
    {
        TcpListener? thief = null;
        var portsTried = new List<int>();
        try
        {
            await using var redis = await LocalServerProcess.StartOnFreePortAsync("/usr/bin/redis-server", port =>
            {
                portsTried.Add(port);
                if (thief is null)
                {
                    thief = new TcpListener(IPAddress.Loopback, port);
                    thief.Start();
                }

                return Task.FromResult(RedisServer.ArgumentsFor(port));
            });

            Assert.Equal(2, portsTried.Count);
            Assert.Equal(portsTried[1], redis.Port);
            Assert.NotEqual(portsTried[0], redis.Port);
            Assert.True(redis.IsRunning);
        }
        finally
        {
            thief?.Stop();
        }
    }
}
