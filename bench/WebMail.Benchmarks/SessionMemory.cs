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
        var before = Snapshot();
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
        var signedIn = Snapshot();
        foreach (var client in clients)
        {
            using var _ = await client.SignOutAsync();
            client.Dispose();
        }

        clients.Clear();
        var after = Snapshot();
        static string KiB(long bytes) => (bytes / 1024.0).ToString("F1");
        return $"| {count} | {signInSeconds / count * 1000:F0} | {KiB((signedIn.Heap - before.Heap) / count)} | " +
            $"{KiB((signedIn.WorkingSet - before.WorkingSet) / count)} | {KiB(after.Heap - before.Heap)} |";
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

    private static (long Heap, long WorkingSet) Snapshot()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }
}
