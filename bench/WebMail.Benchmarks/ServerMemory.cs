using System.Diagnostics;

namespace WebMail.Benchmarks;

/// <summary>The managed heap (after full collections) and working set of this process, which hosts the webmail.</summary>
internal readonly record struct ServerMemory(long Heap, long WorkingSet)
{
    public static ServerMemory Now()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return new ServerMemory(GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    public static string MiB(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1");

    public static string KiB(long bytes) => (bytes / 1024.0).ToString("F1");
}
