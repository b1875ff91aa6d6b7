namespace Dashboard.Web.Telemetry;

/// <summary>How a family is exposed: a monotonic counter, a value that goes up and down, or a histogram.</summary>
public enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}

/// <summary>A snapshot of one instrument: its readings, one point per distinct label set.</summary>
public sealed record MetricFamily(string Name, string? Unit, string? Description, MetricKind Kind, IReadOnlyList<MetricPoint> Points);

/// <summary>One label set's reading: <see cref="Value"/> for counters and gauges, <see cref="Histogram"/> for histograms.</summary>
public sealed record MetricPoint(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, HistogramReading? Histogram = null);

/// <summary>
/// A histogram's state: <see cref="BucketCounts"/> has one count per upper bound in <see cref="Bounds"/> plus one for
/// everything above the last bound; counts are per bucket, not cumulative.
/// </summary>
public sealed record HistogramReading(IReadOnlyList<double> Bounds, IReadOnlyList<long> BucketCounts, double Sum, long Count);
