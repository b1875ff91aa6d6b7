using System.Collections.Concurrent;

namespace Dashboard.Core.Access.Runtime;

/// <summary>
/// Per-(integration, account, device) facts, bounded in size. Every read checks the entry's generations, so an entry
/// invalidated by a change is never served, however long it stays in memory.
/// </summary>
/// <remarks>
/// Bounded by two generations of maps: entries go into the young map; when it holds half the capacity it becomes the
/// old map and the previous old map is dropped. A hit in the old map moves the entry back to the young one. That
/// keeps what is asked for often, costs no bookkeeping per hit, and never stops readers to evict.
/// </remarks>
public sealed class FactsCache(Generations generations, int capacity)
{
    private readonly int _generationSize = Math.Max(1, capacity / 2);
    private readonly Lock _rotation = new();
    private volatile ConcurrentDictionary<FactsKey, Entry> _young = new();
    private volatile ConcurrentDictionary<FactsKey, Entry> _old = new();
    private int _youngCount;

    public Generations Generations => generations;

    /// <summary>Approximate number of entries (both generations).</summary>
    public int Count => _young.Count + _old.Count;

    public bool TryGet(in FactsKey key, out SubjectFacts facts)
    {
        if (_young.TryGetValue(key, out var entry))
        {
            return IsCurrent(key, entry, out facts);
        }
        if (_old.TryGetValue(key, out entry) && IsCurrent(key, entry, out facts))
        {
            Store(key, entry);
            return true;
        }
        facts = null!;
        return false;
    }

    /// <param name="stamp">Captured with <see cref="Runtime.Generations.Capture"/> before the facts were read.</param>
    public void Add(in FactsKey key, SubjectFacts facts, in GenerationStamp stamp)
    {
        // Already stale: a change was applied while the facts were read. Keep whatever a newer read stored instead.
        if (!generations.IsCurrent(key, stamp))
        {
            return;
        }
        Store(key, new Entry(facts, stamp));
    }

    private bool IsCurrent(in FactsKey key, Entry entry, out SubjectFacts facts)
    {
        if (generations.IsCurrent(key, entry.Stamp))
        {
            facts = entry.Facts;
            return true;
        }
        facts = null!;
        return false;
    }

    private void Store(in FactsKey key, Entry entry)
    {
        var young = _young;
        if (!young.TryAdd(key, entry))
        {
            young[key] = entry;
            return;
        }
        if (Interlocked.Increment(ref _youngCount) >= _generationSize)
        {
            Rotate(young);
        }
    }

    private void Rotate(ConcurrentDictionary<FactsKey, Entry> full)
    {
        lock (_rotation)
        {
            if (!ReferenceEquals(_young, full))
            {
                return;
            }
            _old = full;
            _young = new ConcurrentDictionary<FactsKey, Entry>();
            Volatile.Write(ref _youngCount, 0);
        }
    }

    private sealed record Entry(SubjectFacts Facts, GenerationStamp Stamp);
}
