using Dashboard.Core.Access.Telemetry;

namespace Dashboard.Web.Telemetry;

/// <summary>Where this instance's decisions found their facts since it started.</summary>
public sealed record CacheReading(long Hits, long Misses, long Bypassed)
{
    /// <summary>Hits among lookups that went to the cache; null before the first one.</summary>
    public double? HitRatio => Hits + Misses == 0 ? null : (double)Hits / (Hits + Misses);
}

/// <summary>The recent propagation waits of this instance: percentiles in milliseconds.</summary>
public sealed record PropagationReading(int Samples, double? P50Ms, double? P99Ms);

/// <summary>The figures the admin home shows, read from this instance's metrics.</summary>
public static class AccessReadings
{
    public static CacheReading Cache(IReadOnlyList<MetricFamily> families)
    {
        var lookups = families.FirstOrDefault(f => f.Name == "dashboard.access.cache.lookups");
        long Sum(string result) => (long)(lookups?.Points
            .Where(p => p.Labels.Any(l => l.Key == "result" && l.Value == result))
            .Sum(p => p.Value) ?? 0);
        return new CacheReading(Sum("hit"), Sum("miss"), Sum("bypass"));
    }

    public static PropagationReading Propagation(AccessMetrics metrics)
    {
        var seconds = metrics.RecentPropagations();
        return new PropagationReading(
            seconds.Length,
            Percentiles.Of(seconds, 50) * 1000,
            Percentiles.Of(seconds, 99) * 1000);
    }
}
