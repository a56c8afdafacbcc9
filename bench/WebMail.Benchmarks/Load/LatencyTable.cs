using System.Collections.Concurrent;

namespace WebMail.Benchmarks.Load;

/// <summary>Latencies by kind of action, and the errors, collected from all users at once.</summary>
internal sealed class LatencyTable
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _samples = new();
    private readonly ConcurrentBag<string> _errors = [];

    public IReadOnlyCollection<string> Errors => _errors;

    public int Count => _samples.Values.Sum(s => s.Count);

    public void Add(string kind, double milliseconds) => _samples.GetOrAdd(kind, _ => []).Add(milliseconds);

    public void Fail(string kind, Exception exception) => _errors.Add($"{kind}: {exception.Message.Split('\n')[0]}");

    public IEnumerable<string> Rows(IEnumerable<string> kinds)
    {
        foreach (var kind in kinds)
        {
            var sorted = (_samples.TryGetValue(kind, out var bag) ? bag.ToArray() : []).Order().ToArray();
            var errors = _errors.Count(e => e.StartsWith(kind + ":", StringComparison.Ordinal));
            yield return Row(kind, sorted, errors);
        }
    }

    /// <summary>A table row: count, p50, p95, p99 and max of <paramref name="sorted"/> (milliseconds, ascending).</summary>
    public static string Row(string name, double[] sorted, int errors) => sorted.Length == 0
        ? $"| {name} | 0 | | | | | {errors} |"
        : $"| {name} | {sorted.Length} | {Format(Percentile(sorted, 0.50))} | {Format(Percentile(sorted, 0.95))} | {Format(Percentile(sorted, 0.99))} | {Format(sorted[^1])} | {errors} |";

    // Browser actions take tens of milliseconds or more; the server's parts of them can take less than one.
    private static string Format(double milliseconds) => milliseconds < 10 ? milliseconds.ToString("F1") : milliseconds.ToString("F0");

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
