using System.Diagnostics;
using System.Net;

namespace Dashboard.Benchmarks;

/// <summary>What one load phase measured: answers per second and latency percentiles, in milliseconds.</summary>
public sealed record LoadResult(long Ok, long Failed, TimeSpan Elapsed, double P50Ms, double P99Ms, bool Exhausted)
{
    public double PerSecond => Ok / Elapsed.TotalSeconds;
}

/// <summary>
/// A closed-loop HTTP load: <c>clients</c> workers, each sending its next request as soon as the previous answer has
/// been read, over one pooled <see cref="SocketsHttpHandler"/> with a connection per worker. It runs in this process,
/// so it shares the machine's cores with the app and PostgreSQL.
/// </summary>
public static class HttpLoad
{
    public static HttpClient CreateClient(Uri baseAddress, int clients) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = clients,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// Runs for <paramref name="duration"/> or until <paramref name="next"/> returns null (no request left; the
    /// result says so). Only 2xx answers count as done; anything else is counted as failed.
    /// </summary>
    public static async Task<LoadResult> RunAsync(
        HttpClient client, Func<HttpRequestMessage?> next, int clients, TimeSpan duration, CancellationToken ct)
    {
        var latencies = new List<double>[clients];
        long ok = 0, failed = 0;
        var exhausted = false;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, clients).Select(w => Task.Run(async () =>
        {
            var own = latencies[w] = new List<double>(64 * 1024);
            while (Stopwatch.GetTimestamp() < deadline && !ct.IsCancellationRequested)
            {
                using var request = next();
                if (request is null)
                {
                    exhausted = true;
                    return;
                }
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                own.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref ok);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var all = latencies.SelectMany(l => l ?? []).ToList();
        return new LoadResult(ok, failed, elapsed, Stats.Percentile(all, 50), Stats.Percentile(all, 99), exhausted);
    }
}
