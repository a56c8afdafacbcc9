using System.Diagnostics;

namespace WebMail.Benchmarks;

internal static class Measure
{
    /// <summary>Median milliseconds of <paramref name="runs"/> runs, after one warm-up run.</summary>
    public static async Task<double> MedianAsync(int runs, Func<Task> action)
    {
        await action();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await action();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
