using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Dashboard.Core.Access.Telemetry;

namespace Dashboard.Web.Telemetry;

/// <summary>
/// Listens to this app's own meters (those made by its <see cref="IMeterFactory"/>, so several app instances in one
/// process never mix readings) and keeps a running aggregate per instrument and label set, read by <c>/metrics</c>
/// and the admin home. Counters are summed, gauges keep the last value, histograms count into their advised buckets.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    /// <summary>Histograms that advise no buckets get Prometheus' default ones.</summary>
    private static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentReadings> instruments = new();
    private readonly Lock collectLock = new();

    // AccessMetrics is taken so its instruments exist (and are published) before the first scrape.
    public MetricsCollector(IMeterFactory meters, AccessMetrics accessMetrics)
    {
        _ = accessMetrics;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters))
            {
                var readings = instruments.GetOrAdd(instrument, static i => new InstrumentReadings(i));
                l.EnableMeasurementEvents(instrument, readings);
            }
        };
        listener.MeasurementsCompleted = (instrument, _) => instruments.TryRemove(instrument, out InstrumentReadings? _);
        listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentReadings)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentReadings)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentReadings)state!).Record(value, tags));
        listener.Start();
    }

    /// <summary>Reads the observable instruments, then snapshots every instrument.</summary>
    public IReadOnlyList<MetricFamily> Collect()
    {
        // Observable instruments report during this call; one collection at a time keeps their values coherent.
        lock (collectLock)
        {
            listener.RecordObservableInstruments();
            return instruments.Values.Select(r => r.Snapshot()).Where(f => f.Points.Count > 0).ToList();
        }
    }

    public void Dispose() => listener.Dispose();

    private sealed class InstrumentReadings(Instrument instrument)
    {
        private readonly MetricKind kind = KindOf(instrument);
        private readonly bool cumulative = IsSummed(instrument);
        private readonly double[] bounds = BoundsOf(instrument);
        private readonly ConcurrentDictionary<LabelKey, Series> series = new();

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var key = new LabelKey(tags);
            if (!series.TryGetValue(key, out var s))
            {
                s = series.GetOrAdd(key, static (k, b) => new Series(k.ToLabels(), b), bounds);
            }
            if (kind == MetricKind.Histogram)
            {
                s.Observe(value);
            }
            else if (cumulative)
            {
                s.Add(value);
            }
            else
            {
                s.Set(value);
            }
        }

        public MetricFamily Snapshot()
        {
            // Tags given in another order make a second series with the same labels: merged here.
            var points = series.Values
                .GroupBy(s => string.Join('\u0001', s.Labels.Select(l => l.Key + '\u0002' + l.Value)))
                .Select(g => Merge(g.ToList()))
                .OrderBy(p => string.Join(',', p.Labels.Select(l => l.Key + '=' + l.Value)), StringComparer.Ordinal)
                .ToList();
            return new MetricFamily(instrument.Name, instrument.Unit, instrument.Description, kind, points);
        }

        private MetricPoint Merge(List<Series> same)
        {
            var labels = same[0].Labels;
            if (kind != MetricKind.Histogram)
            {
                return new MetricPoint(labels, cumulative ? same.Sum(s => s.Value) : same[^1].Value);
            }
            var buckets = new long[bounds.Length + 1];
            double sum = 0;
            long count = 0;
            foreach (var s in same)
            {
                var (b, sm, c) = s.Histogram();
                for (var i = 0; i < buckets.Length; i++)
                {
                    buckets[i] += b[i];
                }
                sum += sm;
                count += c;
            }
            return new MetricPoint(labels, count, new HistogramReading(bounds, buckets, sum, count));
        }

        private static MetricKind KindOf(Instrument instrument)
        {
            var type = instrument.GetType();
            var generic = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
            if (generic == typeof(Histogram<>))
            {
                return MetricKind.Histogram;
            }
            return generic == typeof(Counter<>) || generic == typeof(ObservableCounter<>) ? MetricKind.Counter : MetricKind.Gauge;
        }

        // Counters and up-down counters report increments; observable instruments and gauges report the current value.
        private static bool IsSummed(Instrument instrument)
        {
            var type = instrument.GetType();
            var generic = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
            return generic == typeof(Counter<>) || generic == typeof(UpDownCounter<>);
        }

        private static double[] BoundsOf(Instrument instrument) => instrument switch
        {
            Histogram<double> { Advice.HistogramBucketBoundaries: { } b } => [.. b],
            Histogram<long> { Advice.HistogramBucketBoundaries: { } b } => [.. b.Select(v => (double)v)],
            Histogram<int> { Advice.HistogramBucketBoundaries: { } b } => [.. b.Select(v => (double)v)],
            _ => DefaultBuckets,
        };
    }

    private sealed class Series(IReadOnlyList<KeyValuePair<string, string>> labels, double[] bounds)
    {
        private readonly long[] buckets = new long[bounds.Length + 1];
        private readonly Lock histogramLock = new();
        private double value;
        private double sum;
        private long count;

        public IReadOnlyList<KeyValuePair<string, string>> Labels { get; } = labels;

        public double Value => Volatile.Read(ref value);

        public void Add(double delta)
        {
            double current, updated;
            do
            {
                current = Volatile.Read(ref value);
                updated = current + delta;
            }
            while (Interlocked.CompareExchange(ref value, updated, current) != current);
        }

        public void Set(double reading) => Volatile.Write(ref value, reading);

        public void Observe(double reading)
        {
            if (double.IsNaN(reading))
            {
                return;
            }
            // Upper bounds are inclusive (le): the first bound at or above the reading.
            var index = Array.BinarySearch(bounds, reading);
            if (index < 0)
            {
                index = ~index;
            }
            lock (histogramLock)
            {
                buckets[index]++;
                sum += reading;
                count++;
            }
        }

        public (long[] Buckets, double Sum, long Count) Histogram()
        {
            lock (histogramLock)
            {
                return ((long[])buckets.Clone(), sum, count);
            }
        }
    }
}
