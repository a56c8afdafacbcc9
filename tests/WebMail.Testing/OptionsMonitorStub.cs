using Microsoft.Extensions.Options;

namespace WebMail.Testing;

/// <summary>Options that never change, for constructing services by hand in tests.</summary>
public sealed class OptionsMonitorStub<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
