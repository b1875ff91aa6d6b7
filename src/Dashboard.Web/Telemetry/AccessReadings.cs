using Dashboard.Core.Access.Telemetry;

namespace Dashboard.Web.Telemetry;

/// <summary>The recent propagation waits of this instance: percentiles in milliseconds.</summary>
public sealed record PropagationReading(int Samples, double? P50Ms, double? P99Ms);

/// <summary>The figures the admin home shows, read from this instance's metrics.</summary>
public static class AccessReadings
{
    public static CacheReading Cache(AccessMetrics metrics) => metrics.CacheUse();

    public static PropagationReading Propagation(AccessMetrics metrics)
    {
        var seconds = metrics.RecentPropagations();
        return new PropagationReading(
            seconds.Length,
            Percentiles.Of(seconds, 50) * 1000,
            Percentiles.Of(seconds, 99) * 1000);
    }
}
