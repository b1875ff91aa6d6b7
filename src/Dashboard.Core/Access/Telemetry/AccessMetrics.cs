using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dashboard.Core.Access.Runtime;

namespace Dashboard.Core.Access.Telemetry;

/// <summary>
/// The instruments of the meter <c>Dashboard.Access</c>: decisions by outcome, reason and integration, cache use,
/// propagation time and telemetry drops, exported by OpenTelemetry (Prometheus at <c>/metrics</c>, OTLP when
/// configured). Created through <see cref="IMeterFactory"/>, so each app instance in one process (tests run several)
/// has its own meter and its own readings. The admin home reads the cache tallies and the recent propagation waits
/// kept here, not the exporter's.
/// </summary>
public sealed class AccessMetrics
{
    public const string MeterName = "Dashboard.Access";

    /// <summary>Propagation waits are milliseconds when healthy and up to a lease (2 s) when a point lapses.</summary>
    public static readonly IReadOnlyList<double> PropagationBuckets =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private const int RecentSamples = 256;

    private readonly Counter<long> decisions;
    private readonly Counter<long> cache;
    private readonly Histogram<double> propagation;
    private readonly double[] recent = new double[RecentSamples];
    private readonly Lock recentLock = new();
    private int recentCount;
    private int recentNext;
    private long cacheHits;
    private long cacheMisses;
    private long cacheBypassed;

    public AccessMetrics(IMeterFactory meters, DecisionTelemetry telemetry)
    {
        Meter = meters.Create(MeterName);
        decisions = Meter.CreateCounter<long>(
            "dashboard.access.decisions", "{decision}", "Access decisions by outcome, reason and integration.");
        cache = Meter.CreateCounter<long>(
            "dashboard.access.cache.lookups", "{lookup}",
            "Where decisions found their facts: hit (cache), miss (read, then cached), bypass (no lease: database only).");
        propagation = Meter.CreateHistogram(
            "dashboard.access.propagation.duration", "s",
            "Time from a committed change until every enforcement point applied it or let its lease lapse.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = PropagationBuckets });
        Meter.CreateObservableCounter(
            "dashboard.access.telemetry.dropped", () => telemetry.Dropped, "{decision}",
            "not_owner decisions dropped because the telemetry queue was full or could not be written.");
        Meter.CreateObservableCounter(
            "dashboard.access.telemetry.activity.dropped", () => telemetry.Activity.Dropped, "{decision}",
            "Decisions left out of customers' activity lists because the activity tally was full.");
        Meter.CreateObservableGauge(
            "dashboard.access.telemetry.queued", () => telemetry.Queued, "{decision}",
            "not_owner decisions waiting to be written.");
    }

    public Meter Meter { get; }

    public void Decided(string integration, DecisionOutcome outcome)
    {
        var decision = outcome.Decision;
        var tags = new TagList
        {
            { "integration", integration },
            { "outcome", decision.Decision.ToWireName() },
            { "reason", decision.Reason.ToWireName() },
        };
        decisions.Add(1, tags);
        cache.Add(1, new KeyValuePair<string, object?>("result", CacheResult(outcome.Source)));
        switch (outcome.Source)
        {
            case DecisionSource.Cache:
                Interlocked.Increment(ref cacheHits);
                break;
            case DecisionSource.CacheMiss:
                Interlocked.Increment(ref cacheMisses);
                break;
            case DecisionSource.Database:
                Interlocked.Increment(ref cacheBypassed);
                break;
        }
    }

    /// <summary>Where this instance's decisions found their facts since it started.</summary>
    public CacheReading CacheUse() =>
        new(Interlocked.Read(ref cacheHits), Interlocked.Read(ref cacheMisses), Interlocked.Read(ref cacheBypassed));

    /// <summary>Records one propagation wait; <paramref name="completed"/> is false for a wait that timed out.</summary>
    public void Propagated(TimeSpan elapsed, bool completed)
    {
        var seconds = elapsed.TotalSeconds;
        propagation.Record(seconds, new KeyValuePair<string, object?>("result", completed ? "complete" : "timeout"));
        lock (recentLock)
        {
            recent[recentNext] = seconds;
            recentNext = (recentNext + 1) % RecentSamples;
            recentCount = Math.Min(recentCount + 1, RecentSamples);
        }
    }

    /// <summary>The last propagation waits on this instance (at most 256), in seconds, in no particular order.</summary>
    public double[] RecentPropagations()
    {
        lock (recentLock)
        {
            return recent.AsSpan(0, recentCount).ToArray();
        }
    }

    public static string CacheResult(DecisionSource source) => source switch
    {
        DecisionSource.Cache => "hit",
        DecisionSource.CacheMiss => "miss",
        DecisionSource.Database => "bypass",
    };
}

/// <summary>Where this instance's decisions found their facts since it started.</summary>
public sealed record CacheReading(long Hits, long Misses, long Bypassed)
{
    /// <summary>Hits among lookups that went to the cache; null before the first one.</summary>
    public double? HitRatio => Hits + Misses == 0 ? null : (double)Hits / (Hits + Misses);
}

/// <summary>Feeds <see cref="AccessMetrics"/> from the decision path (registered as one more observer).</summary>
public sealed class DecisionMetricsObserver(AccessMetrics metrics, AccessState state) : IAccessDecisionObserver
{
    public void Decided(in AccessRequest request, DecisionOutcome outcome)
    {
        // The catalog is a frozen dictionary held in memory: the key costs one lookup, and integrations are few, so
        // the label adds few series.
        var integration = state.Catalog.TryGetIntegration(request.IntegrationId, out var facts) ? facts.Key : "unknown";
        metrics.Decided(integration, outcome);
    }

    public void Listed(Guid integrationId, Guid accountId, VisibleDevicesOutcome outcome)
    {
    }
}

/// <summary>Percentiles of a small sample, for display (nearest rank).</summary>
public static class Percentiles
{
    public static double? Of(IReadOnlyList<double> samples, double percentile)
    {
        if (samples.Count == 0)
        {
            return null;
        }
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
