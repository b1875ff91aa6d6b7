using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Dashboard.Core.Access.Telemetry;

/// <summary>One row of <c>decision_counters</c>: decisions of one integration with one reason in one minute (UTC).</summary>
public readonly record struct CounterKey(DateTime Minute, Guid IntegrationId, DecisionReason Reason)
{
    public static DateTime MinuteOf(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
}

/// <summary>A count to add to a <see cref="CounterKey"/> row.</summary>
public readonly record struct CounterDelta(CounterKey Key, long Count);

/// <summary>
/// Decisions counted per (minute, integration, reason) in memory until the writer drains them. Counting is one
/// dictionary read and one interlocked increment, so it costs the hot path next to nothing; entries are taken out
/// only once their minute is well past, so an increment racing a drain lands in the next drain instead of being lost.
/// </summary>
public sealed class DecisionTally
{
    /// <summary>Minutes older than this (before the current one) are removed once drained.</summary>
    private static readonly TimeSpan Retain = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<CounterKey, StrongBox<long>> counts = new();

    public void Count(CounterKey key, long count = 1)
    {
        if (!counts.TryGetValue(key, out var box))
        {
            box = counts.GetOrAdd(key, static _ => new StrongBox<long>());
        }
        Interlocked.Add(ref box.Value, count);
    }

    /// <summary>Takes every non-zero count (zeroing it) and forgets minutes long past.</summary>
    public List<CounterDelta> Drain(DateTimeOffset now)
    {
        var oldest = CounterKey.MinuteOf(now) - Retain;
        var deltas = new List<CounterDelta>();
        foreach (var (key, box) in counts)
        {
            var taken = Interlocked.Exchange(ref box.Value, 0);
            if (taken != 0)
            {
                deltas.Add(new CounterDelta(key, taken));
            }
            if (key.Minute < oldest)
            {
                counts.TryRemove(key, out _);
            }
        }
        deltas.Sort(static (a, b) => Compare(a.Key, b.Key));
        return deltas;
    }

    /// <summary>Gives back counts a failed write could not store, for the next drain.</summary>
    public void Restore(IEnumerable<CounterDelta> deltas)
    {
        foreach (var delta in deltas)
        {
            Count(delta.Key, delta.Count);
        }
    }

    // A fixed row order: concurrent upserts from several instances then lock rows in the same order (no deadlock).
    private static int Compare(CounterKey a, CounterKey b)
    {
        var byMinute = a.Minute.CompareTo(b.Minute);
        if (byMinute != 0)
        {
            return byMinute;
        }
        var byIntegration = a.IntegrationId.CompareTo(b.IntegrationId);
        return byIntegration != 0
            ? byIntegration
            : string.CompareOrdinal(a.Reason.ToWireName(), b.Reason.ToWireName());
    }
}
