using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Dashboard.Core.Access.Telemetry;

/// <summary>One row of <c>device_decision_counts</c>: decisions of one service about one camera of one account.</summary>
public readonly record struct DeviceActivityKey(
    DateTime Minute, Guid AccountId, Guid IntegrationId, string Serial, AccessActions Action, DecisionReason Reason);

/// <summary>A count to add to a <see cref="DeviceActivityKey"/> row.</summary>
public readonly record struct DeviceActivityDelta(DeviceActivityKey Key, long Count);

/// <summary>
/// Decisions counted per <see cref="DeviceActivityKey"/> in memory until the writer drains them, like
/// <see cref="DecisionTally"/> but keyed by camera, so the number of keys is bounded: a decision that would need a
/// new key beyond the capacity is dropped and counted instead. A repeat of a known key costs one dictionary read and
/// one interlocked increment; the key reuses the request's strings, so only a new key allocates.
/// </summary>
public sealed class DeviceActivityTally(int capacity)
{
    private static readonly TimeSpan Retain = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<DeviceActivityKey, StrongBox<long>> counts = new();

    // ConcurrentDictionary.Count takes every lock, so the size is kept here instead.
    private int entries;
    private long dropped;

    /// <summary>Decisions not counted because the tally was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Keys held (counted or waiting to be forgotten).</summary>
    public int Entries => Volatile.Read(ref entries);

    /// <summary>Adds <paramref name="count"/> to the key; false (and counted as dropped) when the tally is full.</summary>
    public bool Count(DeviceActivityKey key, long count = 1)
    {
        if (!counts.TryGetValue(key, out var box))
        {
            if (Interlocked.Increment(ref entries) > capacity)
            {
                Interlocked.Decrement(ref entries);
                Interlocked.Add(ref dropped, count);
                return false;
            }
            var fresh = new StrongBox<long>();
            box = counts.GetOrAdd(key, fresh);
            if (!ReferenceEquals(box, fresh))
            {
                // Another thread added the key first: ours was never stored.
                Interlocked.Decrement(ref entries);
            }
        }
        Interlocked.Add(ref box.Value, count);
        return true;
    }

    /// <summary>Takes every non-zero count (zeroing it), oldest minute first, and forgets minutes long past.</summary>
    public List<DeviceActivityDelta> Drain(DateTimeOffset now)
    {
        var oldest = CounterKey.MinuteOf(now) - Retain;
        var deltas = new List<DeviceActivityDelta>();
        foreach (var (key, box) in counts)
        {
            var taken = Interlocked.Exchange(ref box.Value, 0);
            if (taken != 0)
            {
                deltas.Add(new DeviceActivityDelta(key, taken));
            }
            if (key.Minute < oldest && counts.TryRemove(key, out _))
            {
                Interlocked.Decrement(ref entries);
            }
        }
        deltas.Sort(static (a, b) => Compare(a.Key, b.Key));
        return deltas;
    }

    /// <summary>Gives back counts a failed write could not store; what no longer fits is dropped and counted.</summary>
    public void Restore(IEnumerable<DeviceActivityDelta> deltas)
    {
        foreach (var delta in deltas)
        {
            Count(delta.Key, delta.Count);
        }
    }

    // The primary key's order: concurrent upserts from several instances lock rows in the same order (no deadlock).
    private static int Compare(DeviceActivityKey a, DeviceActivityKey b)
    {
        var c = a.AccountId.CompareTo(b.AccountId);
        if (c == 0)
        {
            c = a.Minute.CompareTo(b.Minute);
        }
        if (c == 0)
        {
            c = a.IntegrationId.CompareTo(b.IntegrationId);
        }
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Serial, b.Serial);
        }
        if (c == 0)
        {
            c = ((int)a.Action).CompareTo((int)b.Action);
        }
        return c != 0 ? c : ((int)a.Reason).CompareTo((int)b.Reason);
    }
}
