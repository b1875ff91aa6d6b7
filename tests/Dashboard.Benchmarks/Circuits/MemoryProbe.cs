using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Auth;

namespace Dashboard.Benchmarks.Circuits;

/// <summary>What the app's <c>/diagnostics/memory</c> answered: the heap after a full compacting collection.</summary>
public sealed record ServerMemory(long HeapBytes, long WorkingSetBytes, long FragmentedBytes, int CircuitsOpen, int CircuitsConnected);

/// <summary>
/// Reads the app's opt-in <c>/diagnostics/memory</c> with the demo admin token. Every call blocks the app for a full
/// collection, so waiting for a circuit count polls about once a second.
/// </summary>
public sealed class MemoryProbe(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _client = new()
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromMinutes(2),
        DefaultRequestHeaders = { Authorization = new("Bearer", WellKnownDemoSecrets.AdminToken) },
    };

    public async Task<ServerMemory> ReadAsync(CancellationToken ct)
    {
        using var response = await _client.GetAsync("/diagnostics/memory", ct);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return new ServerMemory(
            json.GetProperty("heapBytes").GetInt64(),
            json.GetProperty("workingSetBytes").GetInt64(),
            json.GetProperty("fragmentedBytes").GetInt64(),
            json.GetProperty("circuitsOpen").GetInt32(),
            json.GetProperty("circuitsConnected").GetInt32());
    }

    /// <summary>Polls until the app holds exactly <paramref name="open"/> circuits (all connected); the last reading.</summary>
    public async Task<(ServerMemory Reading, TimeSpan Waited)> WaitForCircuitsAsync(int open, TimeSpan timeout, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (true)
        {
            var reading = await ReadAsync(ct);
            var waited = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (reading.CircuitsOpen == open && reading.CircuitsConnected == open)
            {
                return (reading, waited);
            }
            if (waited > timeout)
            {
                throw new TimeoutException(
                    $"The app held {reading.CircuitsOpen} circuits ({reading.CircuitsConnected} connected) after {waited.TotalSeconds:F0} s, not {open}.");
            }
            await Task.Delay(1000, ct);
        }
    }

    public void Dispose() => _client.Dispose();
}
