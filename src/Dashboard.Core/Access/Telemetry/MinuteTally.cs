using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Dashboard.Core.Access.Telemetry;

/// <summary>A tally key: a row of a per-minute counter table. Its order is the order rows are written in.</summary>
public interface IMinuteKey<TKey> : IComparable<TKey>
{
    DateTime Minute { get; }
}

/// <summary>A count to add to a key's row.</summary>
public interface ITallyDelta<TSelf, TKey>
{
    TKey Key { get; }

    long Count { get; }

    static abstract TSelf Of(TKey key, long count);
}

/// <summary>
/// Decisions counted per key in memory until the writer drains them. A repeat of a known key costs one dictionary read
/// and one interlocked increment, so counting costs the hot path next to nothing. The number of keys is bounded: a
/// count that would need a new key beyond the capacity is dropped and counted instead. Entries are taken out only once
/// their minute is well past, so an increment racing a drain lands in the next drain instead of being lost.
/// </summary>
public abstract class MinuteTally<TKey, TDelta>(int capacity)
    where TKey : notnull, IMinuteKey<TKey>
    where TDelta : ITallyDelta<TDelta, TKey>
{
    /// <summary>Minutes older than this (before the current one) are removed once drained.</summary>
    private static readonly TimeSpan Retain = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<TKey, StrongBox<long>> counts = new();

    // ConcurrentDictionary.Count takes every lock, so the size is kept here instead.
    private int entries;
    private long dropped;

    /// <summary>Counts not kept because the tally was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Keys held (counted or waiting to be forgotten).</summary>
    public int Entries => Volatile.Read(ref entries);

    /// <summary>Adds <paramref name="count"/> to the key; false (and counted as dropped) when the tally is full.</summary>
    public bool Count(TKey key, long count = 1)
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

    /// <summary>
    /// Takes every non-zero count (zeroing it), in the keys' order, and forgets minutes long past. A fixed row order
    /// means concurrent upserts from several instances lock rows in the same order (no deadlock).
    /// </summary>
    public List<TDelta> Drain(DateTimeOffset now)
    {
        var oldest = CounterKey.MinuteOf(now) - Retain;
        var deltas = new List<TDelta>();
        foreach (var (key, box) in counts)
        {
            var taken = Interlocked.Exchange(ref box.Value, 0);
            if (taken != 0)
            {
                deltas.Add(TDelta.Of(key, taken));
            }
            if (key.Minute < oldest && counts.TryRemove(key, out _))
            {
                Interlocked.Decrement(ref entries);
            }
        }
        deltas.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        return deltas;
    }

    /// <summary>Gives back counts a failed write could not store; what no longer fits is dropped and counted.</summary>
    public void Restore(IEnumerable<TDelta> deltas)
    {
        foreach (var delta in deltas)
        {
            Count(delta.Key, delta.Count);
        }
    }
}
