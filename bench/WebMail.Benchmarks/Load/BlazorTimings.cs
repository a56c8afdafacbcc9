using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace WebMail.Benchmarks.Load;

/// <summary>
/// The server side of each page update, from ASP.NET Core's own Blazor meters (Microsoft.AspNetCore.Components*):
/// how long a component took to take new parameters (its data loading included), a browser event's handler, and
/// computing a render batch. Set beside the times seen in the browser, they tell the server's part from the
/// queueing and drawing elsewhere.
/// </summary>
internal sealed class BlazorTimings : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _samples = new();
    private volatile bool _recording;

    public BlazorTimings()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal) && instrument is Histogram<double>)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, seconds, tags, _) =>
        {
            if (_recording)
            {
                _samples.GetOrAdd(Name(instrument.Name, tags), _ => []).Add(seconds * 1000);
            }
        });
        _listener.Start();
    }

    public void Record() => _recording = true;

    public void Stop() => _recording = false;

    public IEnumerable<(string Name, double[] Sorted)> Histograms() =>
        _samples.OrderBy(s => s.Key).Select(s => (s.Key, s.Value.ToArray().Order().ToArray()));

    public void Dispose() => _listener.Dispose();

    private static string Name(string instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "aspnetcore.components.type" && tag.Value is string type)
            {
                return $"{instrument} ({type[(type.LastIndexOf('.') + 1)..]})";
            }
        }

        return instrument;
    }
}
