using System.Diagnostics;
using WebMail.Testing;

namespace WebMail.Benchmarks;

/// <summary>
/// What an idle signed-in session costs the server: sessions signed in through the real sign-in form (each a real
/// IMAP login), no page open and nothing cached; then all signed out again, to see the memory come back.
/// </summary>
public static class SessionMemory
{
    public static async Task<string> MeasureAsync(WebMailAppFactory app, int count)
    {
        // A first round warms up what every later sign-in shares (compiled pages, pools), so it is not counted as left behind.
        await SignInAndOutAsync(app, 10, "warm");
        var before = ServerMemory.Now();
        var clients = new List<SignInClient>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var client = new SignInClient(app) { Record = false };
            using var response = await client.SignInAsync($"test-memory{i}@{DemoMailServer.Domain}", DemoMailServer.TestPassword);
            if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"sign-in {i} answered {(int)response.StatusCode}");
            }

            clients.Add(client);
        }

        var signInSeconds = clock.Elapsed.TotalSeconds;
        var signedIn = ServerMemory.Now();
        foreach (var client in clients)
        {
            using var _ = await client.SignOutAsync();
            client.Dispose();
        }

        clients.Clear();
        var after = ServerMemory.Now();
        return $"| {count} | {signInSeconds / count * 1000:F0} | {ServerMemory.KiB((signedIn.Heap - before.Heap) / count)} | " +
            $"{ServerMemory.KiB((signedIn.WorkingSet - before.WorkingSet) / count)} | {ServerMemory.KiB(after.Heap - before.Heap)} |";
    }

    private static async Task SignInAndOutAsync(WebMailAppFactory app, int count, string name)
    {
        for (var i = 0; i < count; i++)
        {
            using var client = new SignInClient(app) { Record = false };
            using var response = await client.SignInAsync($"test-{name}{i}@{DemoMailServer.Domain}", DemoMailServer.TestPassword);
            using var _ = await client.SignOutAsync();
        }
    }
}
