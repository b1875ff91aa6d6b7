using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dashboard.IntegrationTests.Guarantees;

/// <summary>One question a bridge keeps asking: may <see cref="BridgeKey"/>'s integration do this, right now?</summary>
public sealed record CheckProbe(string Name, string BridgeKey, Guid Account, string Device, string Action = "stream")
{
    public override string ToString() => Name;
}

/// <summary>
/// One answer, with when its request was sent and when its response had fully arrived, both on
/// <see cref="Moment"/>'s clock. <see cref="Status"/> is 0 when no HTTP response came (the error says why).
/// </summary>
public sealed record CheckSample(
    AppInstance Instance, CheckProbe Probe, long SentAt, long ReceivedAt,
    int Status, string? Decision, string? Reason, long? Revision, string? ContentType, string? Error)
{
    public bool IsAllow => Status == 200 && Decision == "allow";

    public string Describe(long origin) =>
        $"{Instance.Name} {Probe.Name}: sent {Moment.Milliseconds(origin, SentAt):+0;-0} ms, received {Moment.Milliseconds(origin, ReceivedAt):+0;-0} ms, " +
        $"{(Status == 0 ? "no response (" + Error + ")" : $"{Status} {Decision}/{Reason} r{Revision} {ContentType}")}";
}

/// <summary>The one monotonic clock every timestamp of a guarantee test is taken from (<see cref="Stopwatch"/> ticks).</summary>
public static class Moment
{
    public static long Now() => Stopwatch.GetTimestamp();

    public static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    public static long After(long moment, TimeSpan delay) => moment + (long)(delay.TotalSeconds * Stopwatch.Frequency);
}

/// <summary>
/// Clients that keep asking every probe on every instance, each in its own loop with its own connection, until
/// stopped, and record every answer (<see cref="CheckSample"/>). Timestamps bracket the whole exchange: a request's
/// send time is read before it is handed to the client, so "sent after X" is never claimed for a request that was
/// in fact on its way before X.
/// </summary>
public sealed class ContinuousCheckers : IAsyncDisposable
{
    private readonly ConcurrentQueue<CheckSample> _samples = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];

    private ContinuousCheckers()
    {
    }

    /// <summary>Every answer recorded so far.</summary>
    public IReadOnlyList<CheckSample> Samples => _samples.ToArray();

    /// <summary>Starts <paramref name="clientsPerProbe"/> loops per (instance, probe).</summary>
    public static ContinuousCheckers Start(IEnumerable<AppInstance> instances, IEnumerable<CheckProbe> probes, int clientsPerProbe = 1)
    {
        var checkers = new ContinuousCheckers();
        foreach (var instance in instances)
        {
            foreach (var probe in probes)
            {
                for (var i = 0; i < clientsPerProbe; i++)
                {
                    checkers._loops.Add(Task.Run(() => checkers.LoopAsync(instance, probe, checkers._stop.Token)));
                }
            }
        }
        return checkers;
    }

    /// <summary>
    /// Waits until every (instance, probe) has answered as expected (<c>allow</c>, or <c>deny</c> for those in
    /// <paramref name="denied"/>) to a request sent after this call.
    /// </summary>
    public async Task WaitUntilAnsweredAsync(
        IEnumerable<AppInstance> instances, IEnumerable<CheckProbe> probes, IReadOnlyCollection<CheckProbe> denied, TimeSpan timeout)
    {
        var since = Moment.Now();
        var wanted = instances.SelectMany(i => probes.Select(p => (i, p))).ToList();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var samples = Samples;
            var missing = wanted.Where(w => !samples.Any(s => s.Instance == w.i && s.Probe == w.p && s.SentAt >= since && s.Status == 200
                && s.Decision == (denied.Contains(w.p) ? "deny" : "allow"))).ToList();
            if (missing.Count == 0)
            {
                return;
            }
            if (deadline.Elapsed > timeout)
            {
                var last = missing.Select(m => samples.LastOrDefault(s => s.Instance == m.i && s.Probe == m.p)?.Describe(since) ?? $"{m.i.Name} {m.p.Name}: no answer");
                throw new TimeoutException($"Not every check answered as expected within {timeout}:{Environment.NewLine}{string.Join(Environment.NewLine, last)}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Stops the loops (each finishes its request in flight) and returns every answer.</summary>
    public async Task<IReadOnlyList<CheckSample>> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        return Samples;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task LoopAsync(AppInstance instance, CheckProbe probe, CancellationToken stop)
    {
        using var client = instance.CreateClient(probe.BridgeKey, TimeSpan.FromSeconds(10));
        var body = new { account = probe.Account, device = probe.Device, action = probe.Action };
        while (!stop.IsCancellationRequested)
        {
            var sent = Moment.Now();
            CheckSample sample;
            try
            {
                // Not cancelled by stop: a request in flight is answered and recorded.
                using var response = await client.PostAsJsonAsync("/api/v1/access/check", body, CancellationToken.None);
                var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
                var received = Moment.Now();
                var (decision, reason, revision) = Read(text, (int)response.StatusCode);
                sample = new CheckSample(instance, probe, sent, received, (int)response.StatusCode, decision, reason, revision,
                    response.Content.Headers.ContentType?.MediaType, null);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                sample = new CheckSample(instance, probe, sent, Moment.Now(), 0, null, null, null, null, e.GetType().Name + ": " + e.Message);
                // A refused connection fails at once; do not spin.
                await Task.Delay(20, CancellationToken.None);
            }
            _samples.Enqueue(sample);
        }
    }

    private static (string? Decision, string? Reason, long? Revision) Read(string text, int status)
    {
        if (status != 200)
        {
            return (null, null, null);
        }
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        return (root.GetProperty("decision").GetString(), root.GetProperty("reason").GetString(), root.GetProperty("revision").GetInt64());
    }
}
