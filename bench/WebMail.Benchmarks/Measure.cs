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

        return Median(times);
    }

    /// <summary>
    /// Median milliseconds of <paramref name="runs"/> runs of <paramref name="action"/>, after one warm-up run; each
    /// run gets what an untimed <paramref name="setUp"/> made, and <paramref name="tearDown"/> gets it back.
    /// </summary>
    public static async Task<double> MedianAsync<T>(int runs, Func<Task<T>> setUp, Func<T, Task> action, Func<T, Task> tearDown)
    {
        var times = new List<double>(runs);
        for (var i = 0; i <= runs; i++)
        {
            var state = await setUp();
            var stopwatch = Stopwatch.StartNew();
            await action(state);
            var elapsed = stopwatch.Elapsed.TotalMilliseconds;
            await tearDown(state);
            if (i > 0)
            {
                times.Add(elapsed);
            }
        }

        return Median(times);
    }

    /// <summary>The middle value (the upper one of the two middle values of an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
